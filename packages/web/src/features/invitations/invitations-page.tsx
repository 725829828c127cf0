import { Text } from "@mantine/core";
import { Page } from "../../components/page";

export function InvitationsPage() {
  return (
    <Page
      title="Invitations"
      description="Pending invitations to your account, partner network and clients."
    >
      <Text>Coming soon.</Text>
    </Page>
  );
}
