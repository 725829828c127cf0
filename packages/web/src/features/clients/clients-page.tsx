import { Text } from "@mantine/core";
import { Page } from "../../components/page";

export function ClientsPage() {
  return (
    <Page title="Clients" description="The clients you work for, and the teams that serve them.">
      <Text>Coming soon.</Text>
    </Page>
  );
}
