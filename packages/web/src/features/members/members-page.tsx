import { Badge, Button, Tabs } from "@mantine/core";
import { can } from "@pn/shared";
import { useState } from "react";
import { Link } from "react-router";
import { useListTab } from "../../components/list";
import { Page } from "../../components/page";
import { toRole } from "../../lib/enum-labels";
import { formatNumber } from "../../lib/format";
import { useMemberCounts } from "./api/get-member-counts";
import { useMembersPermissions } from "./api/get-members-permissions";
import { ActiveMembers } from "./components/active-members";
import { MemberPanel } from "./components/member-panel";
import { MemberQueue, PARTNER_FILTER_PARAM } from "./components/member-queue";

const TABS = ["active", "pending", "archived"] as const;

/** The Invitations page opens its invite dialog for this address. */
const INVITE_PATH = "/invitations?invite=1";

function TabCount({ count }: { count: number | undefined }) {
  if (count === undefined) return null;
  return (
    <Badge size="sm" variant="light" color="gray" ml={6} data-testid="tab-count">
      {formatNumber(count)}
    </Badge>
  );
}

export function MembersPage() {
  const { data } = useMembersPermissions();
  const member = data?.viewer?.currentMember;
  const role = member ? toRole(member.role) : null;
  const canInvite = can(role, "manageInvitations");
  const canChangeStatus = can(role, "activateMembers");
  const canExport = can(role, "readAccount");
  const [tab, setTab] = useListTab(TABS, "active", [PARTNER_FILTER_PARAM]);
  const counts = useMemberCounts().data?.viewer?.currentAccount;
  const [openMemberId, setOpenMemberId] = useState<string | null>(null);

  return (
    <Page
      title="Members"
      description="People in your account and external members from your partners."
      actions={
        canInvite ? (
          <Button component={Link} to={INVITE_PATH}>
            Invite people
          </Button>
        ) : undefined
      }
    >
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List aria-label="Member lists">
          <Tabs.Tab value="active">
            Active
            <TabCount count={counts?.active.totalCount} />
          </Tabs.Tab>
          <Tabs.Tab value="pending">
            Pending
            <TabCount count={counts?.pending.totalCount} />
          </Tabs.Tab>
          <Tabs.Tab value="archived">
            Archived
            <TabCount count={counts?.archived.totalCount} />
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="active" pt="md">
          <ActiveMembers onOpenMember={setOpenMemberId} canExport={canExport} />
        </Tabs.Panel>
        <Tabs.Panel value="pending" pt="md">
          <MemberQueue
            status="PENDING"
            canChangeStatus={canChangeStatus}
            canExport={canExport}
            onOpenMember={setOpenMemberId}
          />
        </Tabs.Panel>
        <Tabs.Panel value="archived" pt="md">
          <MemberQueue
            status="ARCHIVED"
            canChangeStatus={canChangeStatus}
            canExport={canExport}
            onOpenMember={setOpenMemberId}
          />
        </Tabs.Panel>
      </Tabs>
      <MemberPanel
        memberId={openMemberId}
        onClose={() => setOpenMemberId(null)}
        viewerRole={role}
        viewerMemberId={member?.id ?? null}
      />
    </Page>
  );
}
