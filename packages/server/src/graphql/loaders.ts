/** The per-request DataLoader set: each module contributes its loaders here. */
import type { EntityManager } from "typeorm";
import { createAccountLoader, createSeatsUsedLoader } from "../modules/accounts/account.loader";
import { createUserLoader } from "../modules/identity/user.loader";
import { createMemberLoader, createMembershipsByUserLoader } from "../modules/members/member.loader";

export function createLoaders(db: EntityManager) {
  return {
    userById: createUserLoader(db),
    accountById: createAccountLoader(db),
    seatsUsedByAccountId: createSeatsUsedLoader(db),
    memberById: createMemberLoader(db),
    membershipsByUserId: createMembershipsByUserLoader(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
