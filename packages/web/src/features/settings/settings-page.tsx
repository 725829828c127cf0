import { Stack } from "@mantine/core";
import { can } from "@pn/shared";
import { Page } from "../../components/page";
import { NoAccountError } from "../../components/page-status";
import { RecordStatus } from "../../components/record-status";
import { toRole } from "../../lib/enum-labels";
import { useAccountSettings } from "./api/get-account-settings";
import { AccountCard } from "./components/account-card";
import { ApiTokensSection } from "./components/api-tokens-section";
import { BackupCard } from "./components/backup-card";
import { PlanCard } from "./components/plan-card";
import { TransferOwnershipCard } from "./components/transfer-ownership-card";

export function SettingsPage() {
  const { data, loading, error, refetch } = useAccountSettings();
  const account = data?.viewer?.currentAccount;
  const member = data?.viewer?.currentMember;
  const role = member ? toRole(member.role) : null;

  let content;
  if (account) {
    content = (
      // Keyed by account: switching accounts starts every form afresh.
      <Stack gap="lg" key={account.id}>
        <AccountCard
          name={account.name}
          handle={account.handle}
          role={role}
          canEdit={can(role, "manageAccount")}
        />
        <PlanCard account={account} canChangePlan={can(role, "changePlan")} />
        {can(role, "exportAccount") && <BackupCard />}
        {can(role, "manageApiTokens") && <ApiTokensSection />}
        {can(role, "transferOwnership") && <TransferOwnershipCard />}
      </Stack>
    );
  } else {
    content = (
      <RecordStatus
        errorTitle="Could not load settings"
        loadingLabel="Loading settings"
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
      title="Settings"
      description="Your account, plan and seats, backups, API tokens and ownership."
    >
      {content}
    </Page>
  );
}
