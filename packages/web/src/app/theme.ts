import { createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "blue",
  // Shade 8 keeps white-on-primary and primary-on-white text above WCAG AA (4.5:1).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: "sm",
});
