import { MantineProvider } from "@mantine/core";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NETWORK_ERROR_MESSAGE } from "../lib/errors";
import { ConfirmActionModal } from "./confirm-action-modal";

function renderModal(onConfirm: () => Promise<readonly { message: string }[]>) {
  const onClose = jest.fn();
  render(
    <MantineProvider env="test">
      <ConfirmActionModal
        opened
        title="Delete thing"
        confirmLabel="Delete"
        onClose={onClose}
        onConfirm={onConfirm}
      >
        Delete the thing? It cannot be restored.
      </ConfirmActionModal>
    </MantineProvider>,
  );
  return { onClose, user: userEvent.setup() };
}

describe("ConfirmActionModal", () => {
  it("shows userErrors and stays open", async () => {
    const { onClose, user } = renderModal(async () => [{ message: "The thing is in use." }]);

    expect(screen.getByRole("dialog", { name: "Delete thing" })).toHaveTextContent(
      "Delete the thing? It cannot be restored.",
    );
    await user.click(screen.getByRole("button", { name: "Delete" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("The thing is in use.");
    expect(screen.queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it("closes on success", async () => {
    const onConfirm = jest.fn(async () => []);
    const { onClose, user } = renderModal(onConfirm);

    await user.click(screen.getByRole("button", { name: "Delete" }));

    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("offers Retry after a network failure, and closes once it works", async () => {
    const onConfirm = jest
      .fn<Promise<readonly { message: string }[]>, []>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockResolvedValueOnce([]);
    const { onClose, user } = renderModal(onConfirm);

    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(NETWORK_ERROR_MESSAGE);
    expect(onClose).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(onConfirm).toHaveBeenCalledTimes(2);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("closes from Cancel without confirming", async () => {
    const onConfirm = jest.fn(async () => []);
    const { onClose, user } = renderModal(onConfirm);

    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
