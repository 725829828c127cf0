/** Members: status changes and edits, applied as sent (the server's checks are per-test answers). */
import {
  ActivateMembersDocument,
  AddExternalMemberDocument,
  ArchiveMembersDocument,
  RestoreMembersDocument,
  UpdateMemberDocument,
} from "../../gql/graphql";
import { member } from "../fixtures/accounts";
import { current, type Db, nowIso } from "../mock-db";
import { answer } from "../msw-server";

export function memberHandlers(db: Db) {
  const setStatus = (ids: string | string[], status: "ACTIVE" | "ARCHIVED") => {
    const members = current(db).members.filter((m) => [ids].flat().includes(m.id));
    for (const m of members) {
      m.status = status;
      if (status === "ARCHIVED") m.archivedAt = nowIso();
      else Object.assign(m, { activatedAt: nowIso(), archivedAt: null });
    }
    return { members };
  };
  return [
    answer(ActivateMembersDocument, ({ input }) => ({
      activateMembers: setStatus(input.memberIds, "ACTIVE"),
    })),
    answer(ArchiveMembersDocument, ({ input }) => ({
      archiveMembers: setStatus(input.memberIds, "ARCHIVED"),
    })),
    answer(RestoreMembersDocument, ({ input }) => ({
      restoreMembers: setStatus(input.memberIds, "ACTIVE"),
    })),
    answer(UpdateMemberDocument, ({ input: { memberId, ...changes } }) => {
      const found = current(db).members.find((m) => m.id === memberId);
      const patch = Object.entries(changes).filter(([, value]) => value !== null);
      if (found) Object.assign(found, Object.fromEntries(patch));
      return { updateMember: { member: found } };
    }),
    answer(AddExternalMemberDocument, ({ input: { partnerId, name, email } }) => {
      const added = member(60 + db.nextId++, { name, email, partnerId, type: "EXTERNAL" });
      current(db).members.push({ ...added, role: "COLLABORATOR_EXTERNAL" });
      return { addExternalMember: { member: added } };
    }),
  ];
}
