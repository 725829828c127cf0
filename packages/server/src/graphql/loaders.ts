/** The per-request DataLoader set: each module contributes its loaders here. */
import type { EntityManager } from "typeorm";
import { createAccountLoader, createSeatsUsedLoader } from "../modules/accounts/account.loader";
import { createUserLoader } from "../modules/identity/user.loader";
import {
  createMemberLoader,
  createMembershipsByUserLoader,
} from "../modules/members/member.loader";
import {
  createLatestPartnerInvitationLoader,
  createMemberCountsLoader,
  createPartnerLoader,
  createPartnerMembersLoader,
} from "../modules/partners/partner.loader";
import {
  createTeamByClientLoader,
  createTeamMembershipsLoader,
} from "../modules/teams/team.loader";

export function createLoaders(db: EntityManager) {
  return {
    userById: createUserLoader(db),
    accountById: createAccountLoader(db),
    seatsUsedByAccountId: createSeatsUsedLoader(db),
    memberById: createMemberLoader(db),
    membershipsByUserId: createMembershipsByUserLoader(db),
    partnerById: createPartnerLoader(db),
    memberCountsByPartnerId: createMemberCountsLoader(db),
    membersPageByPartner: createPartnerMembersLoader(db),
    latestInvitationIdByPartnerId: createLatestPartnerInvitationLoader(db),
    teamByClientId: createTeamByClientLoader(db),
    teamMembershipsByTeamId: createTeamMembershipsLoader(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
