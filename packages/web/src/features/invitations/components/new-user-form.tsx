import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import {
  isValidEmail,
  NAME_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
  TEXT_LIMITS,
} from "@pn/shared";
import type { FormEvent, ReactNode } from "react";
import { Link } from "react-router";
import { FormAlert } from "../../../components/form-alert";
import type { FieldInputProps } from "../../../hooks/use-form-fields";

export type NewUserField = "email" | "name" | "password";
export type NewUserValues = Record<NewUserField, string>;

/** A required text of at most NAME_MAX_LENGTH characters; `missing` is the message when empty. */
export function requiredTextProblem(value: string, missing: string): string | undefined {
  if (!value.trim()) return missing;
  if (value.trim().length > NAME_MAX_LENGTH) return `Use at most ${NAME_MAX_LENGTH} characters.`;
  return undefined;
}

/** What is wrong with a newcomer's login; `askEmail` as in NewUserFormProps. */
export function newUserProblems({ email, name, password }: NewUserValues, askEmail: boolean) {
  return {
    email: !askEmail
      ? undefined
      : !email.trim()
        ? "Enter your email address."
        : !isValidEmail(email.trim())
          ? "Enter a valid email address."
          : undefined,
    name: requiredTextProblem(name, "Your name is required."),
    password: passwordProblem(password) ?? undefined,
  };
}

export interface NewUserFormProps {
  /** What the newcomer creates here, above the inputs. */
  intro: string;
  /** The invitation carries no email (a client's shareable link): the newcomer gives theirs. */
  askEmail: boolean;
  inputProps: (field: NewUserField) => FieldInputProps;
  formErrors: readonly string[];
  onRetry: (() => void) | undefined;
  loading: boolean;
  onSubmit: (event: FormEvent) => void;
  /** The path to log in and come back, for someone who has a login. */
  logInPath: string;
  /** Inputs after the login's, e.g. the company name. */
  children?: ReactNode;
}

/** A newcomer accepts by creating their login: (email,) name and password, then Accept. */
export function NewUserForm({
  intro,
  askEmail,
  inputProps,
  formErrors,
  onRetry,
  loading,
  onSubmit,
  logInPath,
  children,
}: NewUserFormProps) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        <FormAlert messages={formErrors} onRetry={onRetry} />
        {askEmail && (
          <TextInput
            maxLength={TEXT_LIMITS.email}
            label="Email"
            type="email"
            autoComplete="email"
            {...inputProps("email")}
          />
        )}
        <TextInput
          maxLength={TEXT_LIMITS.name}
          label="Name"
          autoComplete="name"
          {...inputProps("name")}
        />
        <PasswordInput
          maxLength={TEXT_LIMITS.password}
          label="Password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          autoComplete="new-password"
          {...inputProps("password")}
        />
        {children}
        <Button type="submit" loading={loading} fullWidth>
          Accept invitation
        </Button>
        <Text size="sm" ta="center">
          Already have an account?{" "}
          <Anchor component={Link} to={logInPath}>
            Log in to accept
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
