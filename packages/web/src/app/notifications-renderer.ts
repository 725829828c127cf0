// Its own module, so the lazy import in providers.tsx splits off the toasts' renderer only;
// importing "@mantine/notifications" dynamically would ask for its whole namespace, which the
// initial bundle already holds for `notifications.show()`.
export { Notifications } from "@mantine/notifications";
