import { Role } from "./enums";
import { can } from "./permissions";

describe("permission matrix", () => {
  it("lets only the owner change the plan", () => {
    expect(Object.values(Role).filter((role) => can(role, "changePlan"))).toEqual([Role.OWNER]);
  });

  it("keeps external collaborators and clients out of the account-wide views", () => {
    expect(can(Role.COLLABORATOR_EXTERNAL, "readAccount")).toBe(false);
    expect(can(Role.CLIENT, "readAccount")).toBe(false);
    expect(can(Role.VIEWER, "readAccount")).toBe(true);
  });

  it("lets editors manage teams but not invitations", () => {
    expect(can(Role.EDITOR, "manageClientsAndTeams")).toBe(true);
    expect(can(Role.EDITOR, "manageInvitations")).toBe(false);
    expect(can(null, "readAccount")).toBe(false);
  });

  it("shows the audit log to owners and administrators only", () => {
    expect(Object.values(Role).filter((role) => can(role, "readAuditLog"))).toEqual([
      Role.OWNER,
      Role.ADMINISTRATOR,
    ]);
  });
});

describe("account administration", () => {
  it("keeps ownership transfer for the owner and settings and backups for owners and administrators", () => {
    expect(Object.values(Role).filter((role) => can(role, "transferOwnership"))).toEqual([
      Role.OWNER,
    ]);
    expect(Object.values(Role).filter((role) => can(role, "manageAccount"))).toEqual([
      Role.OWNER,
      Role.ADMINISTRATOR,
    ]);
    expect(Object.values(Role).filter((role) => can(role, "exportAccount"))).toEqual([
      Role.OWNER,
      Role.ADMINISTRATOR,
    ]);
  });
});
