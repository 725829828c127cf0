import { Button, Checkbox, Group, Select, Stack, TextInput } from "@mantine/core";
import { ApiScope, TEXT_LIMITS } from "@pn/shared";
import { type FormEvent, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields, type Validate } from "../../../hooks/use-form-fields";
import { describeError } from "../../../lib/errors";
import { API_SCOPE_LABELS } from "../../../lib/enum-labels";
import { splitUserErrors } from "../../../lib/user-errors";
import { useCreateApiToken } from "../api/create-api-token";

const NAME_MAX = 100;
const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  [ApiScope.READ]: "Run queries.",
  [ApiScope.WRITE]: "Also run mutations.",
};

/** Expiry choices in days; "never" keeps the token until it is revoked (or its creator loses access). */
const EXPIRY_OPTIONS = [
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
  { value: "never", label: "Never" },
];
const DEFAULT_EXPIRY = "90";
const DAY_MS = 24 * 60 * 60 * 1000;

function expiryFrom(choice: string, now: number = Date.now()): string | null {
  return choice === "never" ? null : new Date(now + Number(choice) * DAY_MS).toISOString();
}

type Values = { name: string };
const validate: Validate<Values> = ({ name }) => ({
  name: !name.trim()
    ? "Give the token a name."
    : name.trim().length > NAME_MAX
      ? `Use at most ${NAME_MAX} characters.`
      : undefined,
});

function isApiScope(value: string): value is ApiScope {
  return (Object.values(ApiScope) as string[]).includes(value);
}

export interface CreatedApiToken {
  name: string;
  secret: string;
}

export interface CreateApiTokenFormProps {
  onCreated: (token: CreatedApiToken) => void;
}

export function CreateApiTokenForm({ onCreated }: CreateApiTokenFormProps) {
  const [createApiToken, { loading }] = useCreateApiToken();
  const form = useFormFields<Values>({ name: "" }, validate);
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [scopesError, setScopesError] = useState<string | undefined>();
  const [expiry, setExpiry] = useState(DEFAULT_EXPIRY);
  const [expiryError, setExpiryError] = useState<string | undefined>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    const nameValid = form.validateAll();
    const scopesProblem = scopes.length === 0 ? "Choose at least one scope." : undefined;
    setScopesError(scopesProblem);
    if (!nameValid || scopesProblem) return;
    try {
      const { data } = await createApiToken({
        variables: {
          input: { name: form.values.name.trim(), scopes, expiresAt: expiryFrom(expiry) },
        },
      });
      const payload = data?.createApiToken;
      const { fieldErrors, formErrors: general } = splitUserErrors(payload?.userErrors ?? [], [
        "name",
        "scopes",
        "expiresAt",
      ] as const);
      if (fieldErrors.name || fieldErrors.scopes || fieldErrors.expiresAt || general.length > 0) {
        form.showErrors({ name: fieldErrors.name });
        setScopesError(fieldErrors.scopes);
        setExpiryError(fieldErrors.expiresAt);
        setFormErrors(general);
        return;
      }
      if (!payload?.apiToken || !payload.secret) {
        setFormErrors(["The server did not return the new token. Try again."]);
        return;
      }
      onCreated({ name: payload.apiToken.name, secret: payload.secret });
      form.setValue("name", "");
      setScopes([]);
      setExpiry(DEFAULT_EXPIRY);
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm" maw={420}>
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        <TextInput
          maxLength={TEXT_LIMITS.apiTokenName}
          label="Token name"
          description="Say which system uses it, e.g. “CRM sync”."
          {...form.getInputProps("name")}
        />
        <Checkbox.Group
          label="Scopes"
          description="At least one."
          value={scopes}
          onChange={(values) => {
            setScopes(values.filter(isApiScope));
            setScopesError(undefined);
          }}
          error={scopesError}
        >
          <Stack gap="xs" mt="xs">
            {Object.values(ApiScope).map((scope) => (
              <Checkbox
                key={scope}
                value={scope}
                label={API_SCOPE_LABELS[scope]}
                description={SCOPE_DESCRIPTIONS[scope]}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Select
          label="Expires"
          description="A token also stops when the person who created it loses access."
          data={EXPIRY_OPTIONS}
          value={expiry}
          onChange={(value) => {
            setExpiry(value ?? DEFAULT_EXPIRY);
            setExpiryError(undefined);
          }}
          allowDeselect={false}
          error={expiryError}
        />
        <Group>
          <Button type="submit" loading={loading}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
