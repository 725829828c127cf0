import { Text } from "@mantine/core";
import { Page } from "../../components/page";

export function PartnersPage() {
  return (
    <Page title="Partners" description="The partner companies you work with, and their people.">
      <Text>Coming soon.</Text>
    </Page>
  );
}
