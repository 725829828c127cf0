import { Page } from "../../components/page";
import { AuditList } from "./components/audit-list";

/** OWNER/ADMINISTRATOR: who did what in the account, when and from where. Other roles see the server's FORBIDDEN as an error state. */
export function AuditPage() {
  return (
    <Page
      title="Audit log"
      description="Every change in this account: who made it, when, and from where. Newest first."
    >
      <AuditList />
    </Page>
  );
}
