import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { describeError } from "../../../lib/errors";
import { useInvitationLogOut } from "../api/log-out";

/** Logs out on this page; the invitation reloads for a signed-out visitor. */
export function LogOutButton() {
  const [logOut, { loading }] = useInvitationLogOut();
  return (
    <Button
      variant="default"
      size="sm"
      loading={loading}
      onClick={() => {
        logOut().catch((error: unknown) => {
          notifications.show({
            color: "red",
            title: "Could not log out",
            message: describeError(error).message,
          });
        });
      }}
    >
      Log out
    </Button>
  );
}
