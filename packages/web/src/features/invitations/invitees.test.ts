import { Role } from "@pn/shared";
import {
  addInvitees,
  type Invitee,
  parseInviteesCsv,
  reconcileInvitees,
  splitEmails,
} from "./invitees";

describe("invitees", () => {
  it("splits on commas, semicolons, spaces and new lines", () => {
    expect(splitEmails(" a@x.io,b@x.io;c@x.io\r\nd@x.io\te@x.io  ")).toEqual([
      "a@x.io",
      "b@x.io",
      "c@x.io",
      "d@x.io",
      "e@x.io",
    ]);
  });

  it("keeps each remaining chip's role and gives new ones the default", () => {
    const previous: Invitee[] = [
      { email: "a@x.io", role: Role.EDITOR },
      { email: "b@x.io", role: Role.ADMINISTRATOR },
    ];
    expect(reconcileInvitees(previous, ["b@x.io", "c@x.io"], Role.VIEWER)).toEqual([
      { email: "b@x.io", role: Role.ADMINISTRATOR },
      { email: "c@x.io", role: Role.VIEWER },
    ]);
  });

  it("adds only addresses not listed yet, case-insensitively", () => {
    const { invitees, duplicates } = addInvitees(
      [{ email: "a@x.io", role: Role.VIEWER }],
      [
        { email: "A@X.io", role: Role.EDITOR },
        { email: "b@x.io", role: Role.EDITOR },
        { email: "b@x.io", role: Role.VIEWER },
      ],
    );
    expect(invitees.map((i) => i.email)).toEqual(["a@x.io", "b@x.io"]);
    expect(duplicates).toEqual(["A@X.io", "b@x.io"]);
  });

  it("reads the CSV like the server: header in any order and case, quotes, blank lines", () => {
    const csv = 'ROLE,Email\n"Editor","a@x.io"\n\nviewer,b@x.io\n,c@x.io\nOwner,d@x.io\nViewer,\n';
    expect(parseInviteesCsv(csv, Role.ADMINISTRATOR)).toEqual({
      invitees: [
        { email: "a@x.io", role: Role.EDITOR },
        { email: "b@x.io", role: Role.VIEWER },
        // A blank role takes the dialog's role for all.
        { email: "c@x.io", role: Role.ADMINISTRATOR },
      ],
      problems: [
        "Line 5: role “Owner” must be Viewer, Editor or Administrator.",
        "Line 6: the email is missing.",
      ],
    });
  });

  it("reads a file without a role column, and refuses one without an email column", () => {
    expect(parseInviteesCsv("email\na@x.io\n", Role.VIEWER).invitees).toEqual([
      { email: "a@x.io", role: Role.VIEWER },
    ]);
    expect(parseInviteesCsv("name\nAda\n", Role.VIEWER)).toEqual({
      invitees: [],
      problems: ["The first line must be a header with the columns email and role."],
    });
    expect(parseInviteesCsv("", Role.VIEWER).invitees).toEqual([]);
  });
});
