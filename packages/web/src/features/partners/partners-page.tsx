import { Button } from "@mantine/core";
import { can } from "@pn/shared";
import { useState } from "react";
import { Page } from "../../components/page";
import { NoAccountError } from "../../components/page-status";
import { RecordStatus } from "../../components/record-status";
import { toRole } from "../../lib/enum-labels";
import { usePartnersPermissions } from "./api/get-partners-permissions";
import { AddPartnerDialog } from "./components/add-partner-dialog";
import { InvitePartnerDialog } from "./components/invite-partner-dialog";
import { PartnersList } from "./components/partners-list";

export function PartnersPage() {
  const { data, loading, error, refetch } = usePartnersPermissions();
  const account = data?.viewer?.currentAccount;
  const member = data?.viewer?.currentMember;
  const role = member ? toRole(member.role) : null;
  const canManage = can(role, "managePartners");
  const canExport = can(role, "readAccount");
  const [dialog, setDialog] = useState<"invite" | "add" | null>(null);

  const inviteButton = (
    <Button onClick={() => setDialog("invite")} aria-haspopup="dialog">
      Invite partner
    </Button>
  );

  let content;
  if (account) {
    content = (
      // Keyed by account: switching accounts starts the filters and pages afresh.
      <PartnersList
        key={account.id}
        emptyAction={canManage ? inviteButton : undefined}
        canExport={canExport}
      />
    );
  } else {
    content = (
      <RecordStatus
        errorTitle="Could not load partners"
        loadingLabel="Loading partners"
        missing={<NoAccountError />}
        loaded={data !== undefined}
        loading={loading}
        error={error}
        refetch={refetch}
      />
    );
  }

  return (
    <Page
      title="Partners"
      description="The partner companies you work with, and their people."
      actions={
        canManage ? (
          <>
            {inviteButton}
            <Button variant="default" onClick={() => setDialog("add")} aria-haspopup="dialog">
              Add partner
            </Button>
          </>
        ) : undefined
      }
    >
      {content}
      {canManage && (
        <>
          <InvitePartnerDialog opened={dialog === "invite"} onClose={() => setDialog(null)} />
          <AddPartnerDialog opened={dialog === "add"} onClose={() => setDialog(null)} />
        </>
      )}
    </Page>
  );
}
