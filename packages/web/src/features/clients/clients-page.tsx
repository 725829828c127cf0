import { Button } from "@mantine/core";
import { can } from "@pn/shared";
import { useState } from "react";
import { Page } from "../../components/page";
import { NoAccountError } from "../../components/page-status";
import { RecordStatus } from "../../components/record-status";
import { toRole } from "../../lib/enum-labels";
import { useClientsPermissions } from "./api/get-clients-permissions";
import { ClientsList } from "./components/clients-list";
import { ImportClientsDialog } from "./components/import-clients-dialog";
import { InviteClientDialog } from "./components/invite-client-dialog";
import { InviteLinkDialog } from "./components/invite-link-dialog";

type Dialog = "invite" | "link" | "import" | null;

export function ClientsPage() {
  const { data, loading, error, refetch } = useClientsPermissions();
  const account = data?.viewer?.currentAccount;
  const member = data?.viewer?.currentMember;
  const role = member ? toRole(member.role) : null;
  const canRemove = can(role, "removeFromNetwork");
  const canManage = can(role, "manageClientsAndTeams");
  const canExport = can(role, "readAccount");
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  let content;
  if (account) {
    // Keyed by account: switching accounts starts the filters and pages afresh.
    content = <ClientsList key={account.id} canRemove={canRemove} canExport={canExport} />;
  } else {
    content = (
      <RecordStatus
        errorTitle="Could not load clients"
        loadingLabel="Loading clients"
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
      title="Clients"
      description="The companies that have you as their partner, and the people you work for."
      actions={
        account && canManage ? (
          <>
            <Button variant="default" aria-haspopup="dialog" onClick={() => setDialog("import")}>
              Import
            </Button>
            <Button variant="default" aria-haspopup="dialog" onClick={() => setDialog("link")}>
              Copy invite link
            </Button>
            <Button aria-haspopup="dialog" onClick={() => setDialog("invite")}>
              Invite client
            </Button>
          </>
        ) : undefined
      }
    >
      {content}
      {canManage && (
        <>
          <InviteClientDialog opened={dialog === "invite"} onClose={close} />
          <InviteLinkDialog opened={dialog === "link"} onClose={close} />
          <ImportClientsDialog opened={dialog === "import"} onClose={close} />
        </>
      )}
    </Page>
  );
}
