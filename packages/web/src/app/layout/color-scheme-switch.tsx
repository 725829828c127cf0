import { Switch, useComputedColorScheme, useMantineColorScheme } from "@mantine/core";

/**
 * Dark mode on or off. Until it is used the system setting decides (and the switch shows
 * what it decided); using it stores the choice (providers.tsx, COLOR_SCHEME_KEY).
 */
export function ColorSchemeSwitch() {
  const { setColorScheme } = useMantineColorScheme();
  // getInitialValueInEffect false: render with the scheme already applied, not light first.
  const computed = useComputedColorScheme("light", { getInitialValueInEffect: false });
  return (
    <Switch
      label="Dark mode"
      size="sm"
      checked={computed === "dark"}
      onChange={(event) => setColorScheme(event.currentTarget.checked ? "dark" : "light")}
    />
  );
}
