import { TEXT_LIMITS } from "@pn/shared";
import { Radio, Stack, TextInput } from "@mantine/core";
import type { FieldInputProps } from "../../../hooks/use-form-fields";

/** The choice that creates a new account instead of linking one. */
export const NEW_ACCOUNT = "new";

export interface PartnerAccountChoiceProps {
  /** The accounts the viewer administers: the ones they may link. */
  accounts: readonly { id: string; name: string }[];
  /** An account id, NEW_ACCOUNT, or "" while nothing is chosen. */
  value: string;
  onChange: (value: string) => void;
  /** Problems with the choice, e.g. the server's for `partnerAccountId`. */
  error: string | undefined;
  /** Keyboard focus goes here when the choice has an error. */
  firstRadioId: string;
  inviterAccountName: string;
  accountNameProps: FieldInputProps;
}

/** Which company becomes the partner: one the viewer administers, or a new one they name. */
export function PartnerAccountChoice({
  accounts,
  value,
  onChange,
  error,
  firstRadioId,
  inviterAccountName,
  accountNameProps,
}: PartnerAccountChoiceProps) {
  return (
    <Stack gap="sm">
      <Radio.Group
        label="Your company"
        description={`The account that becomes a partner of ${inviterAccountName}.`}
        value={value}
        onChange={onChange}
        error={error}
      >
        <Stack gap="xs" mt="xs">
          {accounts.map((account, index) => (
            <Radio
              key={account.id}
              id={index === 0 ? firstRadioId : undefined}
              value={account.id}
              label={account.name}
            />
          ))}
          <Radio
            id={accounts.length === 0 ? firstRadioId : undefined}
            value={NEW_ACCOUNT}
            label="Create a new company account"
          />
        </Stack>
      </Radio.Group>
      {value === NEW_ACCOUNT && (
        <TextInput
          maxLength={TEXT_LIMITS.name}
          label="Company name"
          autoComplete="organization"
          {...accountNameProps}
        />
      )}
    </Stack>
  );
}
