import type {
  CSSVariablesResolver,
  MantineThemeComponent,
  MenuProps,
  ModalCloseButtonProps,
  ModalProps,
  ModalHeaderProps,
  NotificationProps,
  PasswordInputProps,
} from "@mantine/core";
import { createTheme } from "@mantine/core";

/**
 * Default props per component, as plain objects typed against the component's props. Not
 * `Menu.extend(...)`: importing a component here would pull it (and e.g. floating-ui) into the
 * initial bundle, even when only lazy pages use it.
 */
function component<P>(
  config: Omit<MantineThemeComponent, "defaultProps"> & { defaultProps: Partial<P> },
): MantineThemeComponent {
  return config;
}

export const theme = createTheme({
  primaryColor: "blue",
  // Shade 8 keeps white-on-primary and primary-on-white text above WCAG AA (4.5:1).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: "sm",
  components: {
    PasswordInput: component<PasswordInputProps>({
      defaultProps: {
        // Mantine's default, "Toggle password visibility", also matches a search for the
        // label "Password" (e.g. Playwright's getByLabel), next to the field itself.
        visibilityToggleButtonProps: { "aria-label": "Show typed characters" },
      },
    }),
    Menu: component<MenuProps>({
      // The placeholder is a focusable role="presentation" div inside role="menu", which axe
      // reports (aria-required-children); keyboard opening focuses the first item anyway.
      defaultProps: { withInitialFocusPlaceholder: false },
    }),
    Modal: component<ModalProps>({
      // No fade: a half-faded dialog fails contrast checks, and it opens the same for everyone.
      defaultProps: { transitionProps: { duration: 0 } },
    }),
    // A modal's <header> would be a second banner landmark beside the app's (axe:
    // landmark-no-duplicate-banner); the dialog is already labelled by its title.
    ModalHeader: component<ModalHeaderProps>({ defaultProps: { role: "none" } }),
    // Mantine's close buttons have no accessible name of their own.
    ModalCloseButton: component<ModalCloseButtonProps>({
      defaultProps: { "aria-label": "Close" },
    }),
    Notification: component<NotificationProps>({
      defaultProps: { closeButtonProps: { "aria-label": "Close notification" } },
      // The default gray.6 description is 3.3:1 on white.
      styles: { description: { color: "var(--mantine-color-gray-7)" } },
    }),
  },
});

/**
 * Mantine's dimmed text (input descriptions, menu labels) is gray.6, 3.3:1 on white; gray.7
 * passes WCAG AA (4.5:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "var(--mantine-color-gray-7)" },
  dark: {},
});
