/**
 * The per-request DataLoader set: each module contributes its loaders here, and the
 * kernel's `Loaders` (graphql/context.ts) is declared to be this set, so resolvers
 * read `context.loaders.x` with its type while the kernel imports no module.
 */
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

type AppLoaders = ReturnType<typeof createLoaders>;

declare module "../graphql/context" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the set is AppLoaders, named once above
  interface Loaders extends AppLoaders {}
}
