import { ActionIcon, Avatar, Menu } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { Link, useNavigate } from "react-router";
import { useLogOut } from "../../features/auth/api/log-out";
import { describeError } from "../../lib/errors";

export interface UserMenuProps {
  email: string;
}

export function UserMenu({ email }: UserMenuProps) {
  const [logOut, { loading }] = useLogOut();
  const navigate = useNavigate();

  async function handleLogOut() {
    try {
      await logOut();
      await navigate("/login", { replace: true });
    } catch (error) {
      notifications.show({
        color: "red",
        title: "Could not log out",
        message: describeError(error).message,
      });
    }
  }

  return (
    <Menu position="bottom-end" width={240} withinPortal={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" size="lg" radius="xl" aria-label="User menu" loading={loading}>
          {/* Mantine's placeholder icon, not initials: visible text would have to be part of the
              button's name ("User menu"). The name is shown beside the button. */}
          <Avatar size={30} color="blue" alt="" aria-hidden="true" />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{email}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          Your profile
        </Menu.Item>
        <Menu.Item component={Link} to="/invitations-to-join">
          Invitations to join
        </Menu.Item>
        <Menu.Item component={Link} to="/security">
          Security
        </Menu.Item>
        <Menu.Item
          onClick={() => {
            void handleLogOut();
          }}
        >
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
