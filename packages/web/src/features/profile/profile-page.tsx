import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { FormAlert } from "../../components/form-alert";
import { Page } from "../../components/page";
import { PageLoading } from "../../components/page-status";
import { QueryError } from "../../components/query-error";
import { describeError } from "../../lib/errors";
import { splitUserErrors } from "../../lib/user-errors";
import { useProfile } from "./api/get-profile";
import { useUpdateProfile } from "./api/update-profile";

/** The person's own name: only they change it, and every account they joined shows it. */
export function ProfilePage() {
  const { data, loading, error, refetch } = useProfile();
  const user = data?.viewer?.user;
  return (
    <Page
      title="Your profile"
      description="Your name is yours: the accounts you joined show it, and none of them can change it."
    >
      {!user && loading ? (
        <PageLoading label="Loading your profile" />
      ) : !user ? (
        <QueryError title="Could not load your profile" error={error} refetch={refetch} />
      ) : (
        <NameForm key={user.id} currentName={user.name} email={user.email} />
      )}
    </Page>
  );
}

function NameForm({ currentName, email }: { currentName: string; email: string }) {
  const [updateProfile, { loading }] = useUpdateProfile();
  const [name, setName] = useState(currentName);
  const [nameError, setNameError] = useState<string | undefined>();
  const [problems, setProblems] = useState<string[]>([]);
  const changed = name.trim() !== currentName;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems([]);
    if (!name.trim()) {
      setNameError("Your name is required.");
      return;
    }
    try {
      const { data } = await updateProfile({ variables: { input: { name: name.trim() } } });
      const { fieldErrors, formErrors } = splitUserErrors(data?.updateProfile.userErrors ?? [], [
        "name",
      ] as const);
      if (fieldErrors.name || formErrors.length > 0) {
        setNameError(fieldErrors.name);
        setProblems(formErrors);
        return;
      }
      notifications.show({ color: "green", title: "Saved", message: "Your name is updated." });
    } catch (error) {
      setProblems([describeError(error).message]);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Your profile">
      <Stack gap="sm" maw={480}>
        <FormAlert messages={problems} />
        <Text size="sm">Signed in as {email}</Text>
        <TextInput
          label="Your name"
          value={name}
          error={nameError}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setNameError(undefined);
          }}
        />
        <Group>
          <Button type="submit" loading={loading} disabled={!changed}>
            Save name
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
