import { ApiScope, InvitationKind, Role } from "./enums";
import { can, issuerMayGrant, roleHoldsScopes, scopesHeldBy } from "./permissions";

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

describe("authority follows the person", () => {
  it("lets readers hold READ tokens and only editors and up hold WRITE ones", () => {
    expect(Object.values(Role).filter((role) => roleHoldsScopes(role, [ApiScope.READ]))).toEqual([
      Role.OWNER,
      Role.ADMINISTRATOR,
      Role.EDITOR,
      Role.VIEWER,
    ]);
    expect(
      Object.values(Role).filter((role) => roleHoldsScopes(role, [ApiScope.READ, ApiScope.WRITE])),
    ).toEqual([Role.OWNER, Role.ADMINISTRATOR, Role.EDITOR]);
    expect(scopesHeldBy(Role.VIEWER)).toEqual([ApiScope.READ]);
    expect(scopesHeldBy(Role.CLIENT)).toEqual([]);
  });

  it("lets an issuer grant an invitation only while their role may send its kind and its role", () => {
    expect(issuerMayGrant(Role.ADMINISTRATOR, InvitationKind.USER, Role.EDITOR)).toBe(true);
    expect(issuerMayGrant(Role.ADMINISTRATOR, InvitationKind.USER, Role.OWNER)).toBe(false);
    expect(issuerMayGrant(Role.EDITOR, InvitationKind.USER, Role.VIEWER)).toBe(false);
    expect(issuerMayGrant(Role.EDITOR, InvitationKind.CLIENT, Role.CLIENT)).toBe(true);
    expect(issuerMayGrant(Role.VIEWER, InvitationKind.CLIENT, Role.CLIENT)).toBe(false);
    expect(issuerMayGrant(Role.EDITOR, InvitationKind.PARTNER, null)).toBe(false);
    expect(issuerMayGrant(Role.OWNER, InvitationKind.PARTNER, null)).toBe(true);
  });
});
