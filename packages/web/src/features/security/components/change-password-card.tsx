import { Button, Card, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { PASSWORD_MIN_LENGTH, passwordProblem } from "@pn/shared";
import { type FormEvent, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields, type Validate } from "../../../hooks/use-form-fields";
import { describeError } from "../../../lib/errors";
import { countText } from "../../../lib/format";
import { splitUserErrors } from "../../../lib/user-errors";
import { useChangePassword } from "../api/change-password";

// The first two are named like the server's input fields, so `userErrors[].field[0]` finds them.
const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const validate: Validate<Values> = ({ currentPassword, newPassword, confirmPassword }) => ({
  currentPassword: currentPassword ? undefined : "Enter your current password.",
  newPassword: passwordProblem(newPassword) ?? undefined,
  confirmPassword:
    confirmPassword === newPassword ? undefined : "The two new passwords do not match.",
});

const EMPTY: Values = { currentPassword: "", newPassword: "", confirmPassword: "" };

/** Change password: the current one is required; every other session of the person ends. */
export function ChangePasswordCard() {
  const [changePassword, { loading }] = useChangePassword();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const form = useFormFields<Values>(EMPTY, validate);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    if (!form.validateAll()) return;
    try {
      const { data } = await changePassword({
        variables: {
          input: {
            currentPassword: form.values.currentPassword,
            newPassword: form.values.newPassword,
          },
        },
      });
      const payload = data?.changePassword;
      const { fieldErrors, formErrors: general } = splitUserErrors(
        payload?.userErrors ?? [],
        FIELDS,
      );
      if (general.length > 0 || Object.keys(fieldErrors).length > 0) {
        setFormErrors(general);
        form.showErrors(fieldErrors);
        return;
      }
      const ended = payload?.endedSessionCount ?? 0;
      notifications.show({
        color: "green",
        title: "Password changed",
        message:
          ended > 0
            ? `${countText(ended, "other session was", "other sessions were")} signed out.`
            : "You stay signed in here.",
      });
      for (const name of FIELDS) form.setValue(name, "");
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="change-password-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="change-password-heading">
          Change password
        </Title>
        <Text size="sm" c="dimmed">
          Changing your password signs you out on every other device. This one stays signed in.
        </Text>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="md" maw={420}>
            <FormAlert
              messages={formErrors}
              onRetry={retryable ? () => void submit() : undefined}
            />
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              {...form.getInputProps("currentPassword")}
            />
            <PasswordInput
              label="New password"
              description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
              autoComplete="new-password"
              {...form.getInputProps("newPassword")}
            />
            <PasswordInput
              label="Repeat new password"
              autoComplete="new-password"
              {...form.getInputProps("confirmPassword")}
            />
            <Button type="submit" loading={loading} style={{ alignSelf: "flex-start" }}>
              Change password
            </Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
