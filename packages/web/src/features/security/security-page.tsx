import { Stack } from "@mantine/core";
import { Page } from "../../components/page";
import { ChangePasswordCard } from "./components/change-password-card";
import { SessionsCard } from "./components/sessions-card";

/** The signed-in person's own security: their password and where they are signed in. */
export function SecurityPage() {
  return (
    <Page title="Security" description="Your password and the devices signed in as you.">
      <Stack gap="lg">
        <ChangePasswordCard />
        <SessionsCard />
      </Stack>
    </Page>
  );
}
