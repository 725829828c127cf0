import { can } from "@pn/shared";
import { Page } from "../../components/page";
import { PageError, PageLoading } from "../../components/page-status";
import { describeError } from "../../utils/errors";
import { toRole } from "../../utils/labels";
import { useClientsPermissions } from "./api/get-clients-permissions";
import { ClientsList } from "./components/clients-list";

export function ClientsPage() {
  const { data, loading, error, refetch } = useClientsPermissions();
  const account = data?.viewer?.currentAccount;
  const member = data?.viewer?.currentMember;
  const canRemove = can(member ? toRole(member.role) : null, "removeFromNetwork");

  let content;
  if (account) {
    // Keyed by account: switching accounts starts the filters and pages afresh.
    content = <ClientsList key={account.id} canRemove={canRemove} />;
  } else if (error && !loading) {
    const { message, retryable } = describeError(error);
    content = (
      <PageError
        title="Could not load clients"
        message={message}
        onRetry={
          retryable
            ? () => {
                refetch().catch(() => undefined);
              }
            : undefined
        }
      />
    );
  } else if (loading) {
    content = <PageLoading label="Loading clients" />;
  } else {
    content = <PageError title="No account" message="You are not acting in any account." />;
  }

  return (
    <Page
      title="Clients"
      description="The companies that have you as their partner, and the people you work for."
    >
      {content}
    </Page>
  );
}
