import { useApolloClient } from "@apollo/client/react";
import { Button, CheckIcon, Menu, Text, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ShellViewerQuery } from "../../gql/graphql";
import { describeError } from "../../lib/errors";
import { useSwitchAccount } from "./switch-account";

type Viewer = NonNullable<ShellViewerQuery["viewer"]>;

export interface AccountMenuProps {
  memberships: Viewer["memberships"];
  currentAccount: Viewer["currentAccount"];
}

function ChevronDown() {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/**
 * The account selector: every account the user may enter, the current one checked
 * (aria-current). Choosing another switches the session's account and resets the Apollo store
 * so every page reloads its data for that account.
 */
export function AccountMenu({ memberships, currentAccount }: AccountMenuProps) {
  const client = useApolloClient();
  const [switchAccount, { loading }] = useSwitchAccount();

  async function choose(accountId: string) {
    if (accountId === currentAccount?.id) return;
    try {
      const { data } = await switchAccount({ variables: { input: { accountId } } });
      const problems = data?.switchAccount.userErrors ?? [];
      if (problems.length > 0) {
        notifications.show({
          color: "red",
          title: "Could not switch account",
          message: problems.map((problem) => problem.message).join(" "),
        });
        return;
      }
      // Pages may fail to refetch in the new account (e.g. a role without access); they show
      // their own error states, so a rejected reset is not the switch failing.
      await client.resetStore().catch(() => undefined);
    } catch (error) {
      notifications.show({
        color: "red",
        title: "Could not switch account",
        message: describeError(error).message,
      });
    }
  }

  return (
    <Menu position="bottom-end" width={260} withinPortal={false}>
      <Menu.Target>
        <Button
          variant="default"
          size="sm"
          loading={loading}
          rightSection={<ChevronDown />}
          data-testid="current-account"
          maw={240}
        >
          <VisuallyHidden>Account: </VisuallyHidden>
          <Text span size="sm" truncate="end">
            {currentAccount?.name ?? "No account"}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Switch account</Menu.Label>
        {memberships.map(({ id, account }) => {
          const current = account.id === currentAccount?.id;
          return (
            <Menu.Item
              key={id}
              aria-current={current ? "true" : undefined}
              leftSection={
                current ? (
                  <CheckIcon size={12} aria-hidden="true" />
                ) : (
                  <span style={{ width: 12 }} />
                )
              }
              onClick={() => {
                void choose(account.id);
              }}
            >
              {account.name}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
