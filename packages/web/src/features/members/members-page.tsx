import { Text } from "@mantine/core";
import { Page } from "../../components/page";

export function MembersPage() {
  return (
    <Page
      title="Members"
      description="People in your account and external members from your partners."
    >
      <Text>Coming soon.</Text>
    </Page>
  );
}
