import type { MemberQueueRow } from "../api/get-member-queue";
import { countText } from "../../../lib/format";

export type BulkAction = "activate" | "archive" | "restore";

export const BULK_ACTION_TEXT: Record<
  BulkAction,
  { label: string; progress: string; done: string; failed: string }
> = {
  activate: {
    label: "Activate",
    progress: "Activating",
    done: "activated",
    failed: "Could not activate the selected members",
  },
  archive: {
    label: "Archive",
    progress: "Archiving",
    done: "archived",
    failed: "Could not archive the selected members",
  },
  restore: {
    label: "Restore",
    progress: "Restoring",
    done: "restored",
    failed: "Could not restore the selected members",
  },
};

/** "2 members activated". */
export function doneMessage(action: BulkAction, count: number): string {
  return `${countText(count, "member", "members")} ${BULK_ACTION_TEXT[action].done}`;
}

interface UserErrorLike {
  field?: readonly string[] | null;
  message: string;
}

/**
 * Bulk `userErrors` point at `["memberIds", "<index>"]`: name the member at that index of the
 * request, so the message says who could not change.
 */
export function describeBulkErrors(
  errors: readonly UserErrorLike[],
  sent: readonly Pick<MemberQueueRow, "id" | "name">[],
): string[] {
  return errors.map((error) => {
    const [root, index] = error.field ?? [];
    const member = root === "memberIds" && index !== undefined ? sent[Number(index)] : undefined;
    return member ? `${member.name}: ${error.message}` : error.message;
  });
}
