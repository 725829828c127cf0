import { MantineProvider } from "@mantine/core";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { PageEmpty, PageError, PageLoading } from "./page-status";

function renderWithMantine(ui: ReactElement) {
  return render(<MantineProvider>{ui}</MantineProvider>);
}

describe("PageStatus", () => {
  it("announces loading", () => {
    renderWithMantine(<PageLoading label="Loading members" />);
    expect(screen.getByRole("status")).toHaveTextContent("Loading members");
  });

  it("renders an empty state with its action", () => {
    renderWithMantine(
      <PageEmpty
        title="No members yet"
        message="Invite your team."
        action={<button>Invite</button>}
      />,
    );
    expect(screen.getByRole("heading", { name: "No members yet" })).toBeInTheDocument();
    expect(screen.getByText("Invite your team.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Invite" })).toBeInTheDocument();
  });

  it("renders an error and calls onRetry", async () => {
    const onRetry = jest.fn();
    const user = userEvent.setup();
    renderWithMantine(<PageError message="Could not load members." onRetry={onRetry} />);

    expect(screen.getByRole("alert")).toHaveTextContent("Could not load members.");
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("omits Retry when there is nothing to retry", () => {
    renderWithMantine(<PageError message="Forbidden." />);
    expect(screen.queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
  });
});
