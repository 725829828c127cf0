import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { networkAcmeAccount } from "../../testing/fixtures/accounts";
import { acmePartners, INITECH, partner } from "../../testing/fixtures/network";
import { AddExternalMemberDocument } from "../../gql/graphql";
import { installNetworkBackend } from "../../testing/mock-backend";
import { refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

// Whole-app renders with several requests each: leave room for a busy machine.
configure({ asyncUtilTimeout: 4000 });
jest.setTimeout(20_000);

const INITECH_PATH = `/partners/${INITECH.id}`;
const HOOLI_ID = "UGFydG5lcjo3";

function pngFile(name = "logo.png") {
  return new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], name, {
    type: "image/png",
  });
}

async function peopleSection() {
  return screen.findByRole("region", { name: "People" });
}

describe("partner page", () => {
  it("shows the partner, its logo and its people", async () => {
    const backend = installNetworkBackend();
    renderApp(INITECH_PATH);

    expect(await screen.findByRole("heading", { level: 1, name: "Initech" })).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    const overview = screen.getByRole("region", { name: "Overview" });
    expect(within(overview).getByText("Initech (account ID: initech)")).toBeInTheDocument();
    expect(within(overview).getByText("3 pending · 1 active · 0 archived")).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "Initech logo" })).toHaveAttribute(
      "src",
      INITECH.logoUrl,
    );

    const people = await peopleSection();
    const table = await within(people).findByRole("table", {
      name: "External members from Initech",
    });
    expect(within(table).getByRole("cell", { name: "Pat Partner" })).toBeInTheDocument();
    expect(within(table).getByRole("cell", { name: "Milton Waddams" })).toBeInTheDocument();
    expect(backend.operations("PartnerDetails")[0]?.variables).toEqual({ id: INITECH.id });
  });

  it("says so when the partner does not exist", async () => {
    installNetworkBackend();
    renderApp("/partners/UGFydG5lcjo5OQ");

    expect(
      await screen.findByRole("heading", { level: 1, name: "Partner not found" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "← All partners" })).toHaveAttribute(
      "href",
      "/partners",
    );
  });
});

describe("partner page: remove from network", () => {
  it("states how many people will be archived, and Cancel removes nothing", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp(INITECH_PATH);

    await user.click(await screen.findByRole("button", { name: "Remove from network" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove from network" });
    expect(dialog).toHaveTextContent("Remove Initech from your network?");
    // 3 pending and 1 active.
    expect(within(dialog).getByTestId("archive-forecast")).toHaveTextContent(
      "4 people will be archived.",
    );

    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(backend.operations("RemovePartnerFromNetwork")).toHaveLength(0);
  });

  it("removes after confirmation and reports how many people the server archived", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp(INITECH_PATH);

    await user.click(await screen.findByRole("button", { name: "Remove from network" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove from network" });
    await user.click(within(dialog).getByRole("button", { name: "Remove from network" }));

    expect(
      await screen.findByText(/Initech is no longer your partner; 4 people were archived\./),
    ).toBeInTheDocument();
    expect(backend.operations("RemovePartnerFromNetwork").map((o) => o.variables)).toEqual([
      { input: { partnerId: INITECH.id } },
    ]);
    const overview = screen.getByRole("region", { name: "Overview" });
    await waitFor(() =>
      expect(within(overview).getByText("Removed", { selector: "dt" })).toBeInTheDocument(),
    );
    // Removed partners cannot be removed again or get new people.
    expect(screen.queryByRole("button", { name: "Remove from network" })).not.toBeInTheDocument();
    expect(
      within(await peopleSection()).queryByRole("button", { name: "Add external member" }),
    ).not.toBeInTheDocument();
    const table = within(await peopleSection()).getByRole("table");
    await waitFor(() => expect(within(table).getAllByText("Archived")).toHaveLength(4));
  });

  it("says nobody will be archived for a partner without people", async () => {
    installNetworkBackend();
    const user = userEvent.setup();
    renderApp(`/partners/${HOOLI_ID}`);

    await user.click(await screen.findByRole("button", { name: "Remove from network" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove from network" });
    expect(within(dialog).getByTestId("archive-forecast")).toHaveTextContent(
      "Nobody will be archived",
    );
  });

  it("offers no removal, editing or upload to a viewer", async () => {
    installNetworkBackend({ accounts: [networkAcmeAccount({ role: "VIEWER" })] });
    renderApp(INITECH_PATH);

    expect(await screen.findByRole("heading", { level: 1, name: "Initech" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Remove from network" })).not.toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Partner details" })).not.toBeInTheDocument();
    expect(screen.queryByLabelText("New logo")).not.toBeInTheDocument();
    expect(
      within(await peopleSection()).queryByRole("button", { name: "Add external member" }),
    ).not.toBeInTheDocument();
  });
});

describe("partner page: logo", () => {
  it("previews the chosen image and shows the server's 415 message clearly", async () => {
    installNetworkBackend();
    const requests: { preflight: string | null }[] = [];
    server.use(
      http.post("*/api/partners/:id/logo", ({ request }) => {
        requests.push({ preflight: request.headers.get("apollo-require-preflight") });
        return HttpResponse.json(
          { error: "The logo must be a PNG, JPEG or WebP image." },
          { status: 415 },
        );
      }),
    );
    const user = userEvent.setup();
    renderApp(INITECH_PATH);
    const section = await screen.findByRole("region", { name: "Logo" });

    const input = section.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input).not.toBeNull();
    await user.upload(input as HTMLInputElement, pngFile("not-really.png"));

    expect(
      await within(section).findByRole("img", { name: "Preview of the new logo (not-really.png)" }),
    ).toBeInTheDocument();
    await user.click(within(section).getByRole("button", { name: "Upload logo" }));

    const alert = await within(section).findByRole("alert");
    expect(alert).toHaveTextContent("The logo was not uploaded");
    expect(alert).toHaveTextContent("The logo must be a PNG, JPEG or WebP image.");
    expect(requests).toEqual([{ preflight: "true" }]);
    // The old logo stays; the chosen file stays for another try.
    expect(within(section).getByRole("img", { name: "Initech logo" })).toHaveAttribute(
      "src",
      INITECH.logoUrl,
    );
    expect(within(section).getByRole("button", { name: "Upload logo" })).toBeEnabled();
  });

  it("shows the server's 413 message", async () => {
    installNetworkBackend();
    server.use(
      http.post("*/api/partners/:id/logo", () =>
        HttpResponse.json({ error: "The logo must be at most 512 KB." }, { status: 413 }),
      ),
    );
    const user = userEvent.setup();
    renderApp(INITECH_PATH);
    const section = await screen.findByRole("region", { name: "Logo" });

    await user.upload(
      section.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement,
      pngFile("huge.png"),
    );
    await user.click(await within(section).findByRole("button", { name: "Upload logo" }));

    expect(await within(section).findByRole("alert")).toHaveTextContent(
      "The logo must be at most 512 KB.",
    );
  });

  it("uploads a logo and shows the new one", async () => {
    installNetworkBackend();
    const user = userEvent.setup();
    renderApp(INITECH_PATH);
    const section = await screen.findByRole("region", { name: "Logo" });

    await user.upload(
      section.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement,
      pngFile(),
    );
    await user.click(await within(section).findByRole("button", { name: "Upload logo" }));

    expect(await within(section).findByText("Logo updated.")).toBeInTheDocument();
    const logo = within(section).getByRole("img", { name: "Initech logo" });
    expect(logo.getAttribute("src")).toMatch(/^\/api\/partners\/UGFydG5lcjo1\/logo\?v=\d+$/);
    expect(logo).not.toHaveAttribute("src", INITECH.logoUrl);
    expect(within(section).queryByRole("alert")).not.toBeInTheDocument();
  });
});

describe("partner page: people and details", () => {
  it("adds an external member by name and email", async () => {
    const backend = installNetworkBackend();
    const taken = "pat@partner.example is already a member of this account.";
    server.use(refuse(AddExternalMemberDocument, "TAKEN", taken, ["email"], { once: true }));
    const user = userEvent.setup();
    renderApp(INITECH_PATH);
    const people = await peopleSection();

    await user.click(within(people).getByRole("button", { name: "Add external member" }));
    const dialog = await screen.findByRole("dialog", { name: "Add external member" });
    await user.type(within(dialog).getByRole("textbox", { name: "Name" }), "Joanna");
    await user.type(within(dialog).getByRole("textbox", { name: "Email" }), "pat@partner.example");
    await user.click(within(dialog).getByRole("button", { name: "Add member" }));

    // Pat is a member already: the server's error shows next to Email.
    const email = within(dialog).getByRole("textbox", { name: "Email" });
    await waitFor(() =>
      expect(email).toHaveAccessibleDescription(
        "pat@partner.example is already a member of this account.",
      ),
    );
    await user.clear(email);
    await user.type(email, "joanna@initech.example");
    await user.click(within(dialog).getByRole("button", { name: "Add member" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(await within(people).findByRole("cell", { name: "Joanna" })).toBeInTheDocument();
    expect(backend.operations("AddExternalMember").at(-1)?.variables).toEqual({
      input: { partnerId: INITECH.id, name: "Joanna", email: "joanna@initech.example" },
    });
  });

  it("edits the details and sends only what changed", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp(INITECH_PATH);
    const form = await screen.findByRole("form", { name: "Partner details" });

    const url = within(form).getByRole("textbox", { name: "Public URL" });
    await user.type(url, "initech.example");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    expect(url).toHaveAccessibleDescription(expect.stringContaining("Enter a full http(s) URL"));
    expect(backend.operations("UpdatePartner")).toHaveLength(0);

    await user.clear(url);
    await user.type(url, "https://initech.example");
    await user.click(within(form).getByRole("switch", { name: "Allow login" }));
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    expect(await within(form).findByText("Changes saved.")).toBeInTheDocument();
    expect(backend.operations("UpdatePartner").map((o) => o.variables)).toEqual([
      { input: { partnerId: INITECH.id, publicUrl: "https://initech.example", allowLogin: false } },
    ]);
    const overview = screen.getByRole("region", { name: "Overview" });
    expect(within(overview).getByText("Not allowed")).toBeInTheDocument();
  });
});

describe("partner page: resending the invitation", () => {
  const UMBRELLA_PATH = `/partners/${acmePartners()[1]!.id}`;

  it("resends a pending invitation: a notification naming the company", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp(UMBRELLA_PATH);

    const overview = await screen.findByRole("region", { name: "Overview" });
    await user.click(
      within(overview).getByRole("button", { name: "Resend invitation to Umbrella" }),
    );

    expect(await screen.findByText("Invitation sent again")).toBeInTheDocument();
    expect(
      screen.getByText(
        /^A new link went to Umbrella, valid until .+; the old one no longer works\.$/,
      ),
    ).toBeInTheDocument();
    expect(backend.operations("ResendPartnerInvitation").map((o) => o.variables)).toEqual([
      { input: { invitationId: "SW52aXRhdGlvbjpw" } },
    ]);
  });

  it("resends an expired invitation: it shows as waiting again", async () => {
    const soylent = partner(8, {
      companyName: "Soylent",
      status: "INVITED",
      partnerAccount: null,
      invitation: {
        __typename: "Invitation",
        id: "SW52aXRhdGlvbjpzb3k",
        status: "EXPIRED",
        delivery: "SENT",
        expiresAt: "2026-01-07T10:00:00.000Z",
      },
    });
    installNetworkBackend({ partners: [...acmePartners(), soylent] });
    const user = userEvent.setup();
    renderApp(`/partners/${soylent.id}`);

    const overview = await screen.findByRole("region", { name: "Overview" });
    expect(within(overview).getByText("Expired")).toBeInTheDocument();
    await user.click(
      within(overview).getByRole("button", { name: "Resend invitation to Soylent" }),
    );

    expect(await screen.findByText(/^A new link went to Soylent, valid until/)).toBeInTheDocument();
    expect(
      await within(overview).findByText(/^Waiting to be accepted, expires in/),
    ).toBeInTheDocument();
  });

  it("offers no Resend to an editor", async () => {
    installNetworkBackend({ accounts: [networkAcmeAccount({ role: "EDITOR" })] });
    renderApp(UMBRELLA_PATH);

    const overview = await screen.findByRole("region", { name: "Overview" });
    expect(within(overview).getByText(/^Waiting to be accepted/)).toBeInTheDocument();
    expect(
      within(overview).queryByRole("button", { name: /^Resend invitation/ }),
    ).not.toBeInTheDocument();
  });
});
