import { Tabs } from "@mantine/core";
import { Page } from "../../components/page";
import { ActiveMembers } from "./components/active-members";

export function MembersPage() {
  return (
    <Page
      title="Members"
      description="People in your account and external members from your partners."
    >
      <Tabs defaultValue="active" keepMounted={false}>
        <Tabs.List aria-label="Member lists">
          <Tabs.Tab value="active">Active</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="active" pt="md">
          <ActiveMembers />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
