import { Text } from "@mantine/core";
import { Page } from "../../components/page";

export function SettingsPage() {
  return (
    <Page title="Settings" description="Your account, plan, seats and API tokens.">
      <Text>Coming soon.</Text>
    </Page>
  );
}
