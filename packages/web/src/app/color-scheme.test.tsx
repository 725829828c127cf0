import { configure, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { installNetworkBackend } from "../testing/mock-backend";
import { renderApp } from "../testing/render-app";
import { COLOR_SCHEME_KEY } from "./providers";

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

afterEach(() => {
  window.localStorage.clear();
  document.documentElement.removeAttribute("data-mantine-color-scheme");
});

describe("colour scheme", () => {
  it("the switch turns dark mode on and off, and remembers the choice", async () => {
    installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/members");
    const toggle = await screen.findByRole("switch", { name: "Dark mode" });
    // jsdom's matchMedia (setup-tests) prefers light: the system setting decides at first.
    expect(toggle).not.toBeChecked();
    expect(document.documentElement).toHaveAttribute("data-mantine-color-scheme", "light");

    await user.click(toggle);
    expect(toggle).toBeChecked();
    expect(document.documentElement).toHaveAttribute("data-mantine-color-scheme", "dark");
    expect(window.localStorage.getItem(COLOR_SCHEME_KEY)).toBe("dark");

    await user.click(toggle);
    expect(document.documentElement).toHaveAttribute("data-mantine-color-scheme", "light");
    expect(window.localStorage.getItem(COLOR_SCHEME_KEY)).toBe("light");
  });

  it("starts dark when dark was chosen before", async () => {
    window.localStorage.setItem(COLOR_SCHEME_KEY, "dark");
    installNetworkBackend();
    renderApp("/members");
    expect(await screen.findByRole("switch", { name: "Dark mode" })).toBeChecked();
    expect(document.documentElement).toHaveAttribute("data-mantine-color-scheme", "dark");
  });
});
