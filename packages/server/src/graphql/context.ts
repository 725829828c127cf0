/**
 * The per-request context: who is asking, in which account, and a fresh set of
 * DataLoaders so batching and caching never cross requests or tenants.
 */
import type { Role } from "@pn/shared";
import type { EntityManager } from "typeorm";
import type { Logger } from "../logger";
import { createLoaders, type Loaders } from "./loaders";

export type Viewer = {
  userId: string;
  /** The account the session or token currently acts in; null when the user has none. */
  accountId: string | null;
  memberId: string | null;
  role: Role | null;
};

export type Context = {
  requestId: string;
  logger: Logger;
  db: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
};

export function createContext(input: Omit<Context, "loaders">): Context {
  return { ...input, loaders: createLoaders(input.db) };
}
