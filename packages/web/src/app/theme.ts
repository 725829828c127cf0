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
      // The default gray.6 description is 3.3:1 on white; dimmed is gray.7 there (see below).
      styles: { description: { color: "var(--mantine-color-dimmed)" } },
    }),
  },
});

/**
 * Colours that depend on the scheme, by what they are for. Light values were chosen for 4.5:1
 * on white, dark ones for 4.5:1 on the dark body (dark.7) and dark inputs (dark.6); components
 * use these (or Mantine's scheme-aware `dimmed`, `bright`, `<color>.text`) rather than a fixed
 * shade, which would fall below contrast in the other scheme.
 *
 * - dimmed: Mantine's light gray.6 is 3.3:1 on white; gray.7 passes (dark: color-schemes.css).
 * - placeholder: Mantine's light gray.5 is 2.07:1 on white (the invite dialog's file field
 *   failed axe color-contrast); gray.7 passes.
 * - text-warning: a light yellow badge's own text (yellow.6 on its tint) is below 2:1 in the
 *   light scheme; this amber is 7:1 there. The dark scheme's yellow.4 passes on its tint.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-7)",
    "--pn-color-text-success": "#237032",
    "--pn-color-text-danger": "var(--mantine-color-red-9)",
    "--pn-color-text-warning": "#7a4f01",
    "--pn-color-text-link-strong": "var(--mantine-color-blue-9)",
    "--pn-color-surface-subtle": "var(--mantine-color-gray-0)",
    "--pn-color-surface-selected": "var(--mantine-color-blue-0)",
    "--pn-color-surface-danger": "var(--mantine-color-red-0)",
    "--pn-color-border-danger": "var(--mantine-color-red-7)",
    "--pn-color-border-dashed": "var(--mantine-color-gray-5)",
  },
  // Mantine's own variables in the dark scheme are set in color-schemes.css: here they would
  // lose to the same selector in Mantine's stylesheet.
  dark: {
    "--pn-color-text-success": "var(--mantine-color-green-4)",
    "--pn-color-text-danger": "var(--mantine-color-red-3)",
    "--pn-color-text-warning": "var(--mantine-color-yellow-4)",
    "--pn-color-text-link-strong": "var(--mantine-color-blue-3)",
    "--pn-color-surface-subtle": "var(--mantine-color-dark-8)",
    "--pn-color-surface-selected": "var(--mantine-color-blue-light)",
    "--pn-color-surface-danger": "var(--mantine-color-red-light)",
    "--pn-color-border-danger": "var(--mantine-color-red-5)",
    "--pn-color-border-dashed": "var(--mantine-color-dark-3)",
  },
});
