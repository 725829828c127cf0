/** Decoding a global ID argument into the local uuid of one expected type. */
import { fromGlobalId } from "@pn/shared";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The local id when `globalId` names an object of `type`; null for anything else (malformed, other type). */
export function localIdOf(globalId: string, type: string): string | null {
  const parts = fromGlobalId(globalId);
  return parts && parts.type === type && UUID.test(parts.id) ? parts.id : null;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
