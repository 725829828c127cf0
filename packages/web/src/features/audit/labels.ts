import { AUDIT_ACTIONS, isAuditAction } from "@pn/shared";

/** "Member archived" for a known action; the raw name for one this SPA does not know yet. */
export function actionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : action;
}

export const ACTION_OPTIONS = [
  { value: "", label: "All actions" },
  ...Object.entries(AUDIT_ACTIONS)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label)),
];

const OBJECT_LABELS: Record<string, string> = {
  Account: "Account",
  ApiToken: "API token",
  Client: "Client",
  Invitation: "Invitation",
  Member: "Member",
  Partner: "Partner",
  Session: "Session",
  Team: "Team",
};

export function objectLabel(objectType: string): string {
  return OBJECT_LABELS[objectType] ?? objectType;
}

/** The facts of an entry worth a glance in the table: names, emails, roles, what changed. */
export function detailsSummary(details: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return "";
  }
  if (!parsed || typeof parsed !== "object") return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (key === "changes" && value && typeof value === "object") {
      parts.push(`changed ${Object.keys(value).join(", ")}`);
    } else if (
      typeof value === "string" ||
      typeof value === "number" ||
      typeof value === "boolean"
    ) {
      // Global IDs say nothing to a reader.
      if (!key.endsWith("Id")) parts.push(`${key}: ${String(value)}`);
    }
  }
  return parts.join(" · ");
}

/** "From midnight of that day" / "until the end of that day", local time, as ISO date-times. */
export function dayStart(date: string): string | null {
  const parsed = new Date(`${date}T00:00:00`);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

export function dayEnd(date: string): string | null {
  const parsed = new Date(`${date}T00:00:00`);
  if (Number.isNaN(parsed.getTime())) return null;
  parsed.setDate(parsed.getDate() + 1);
  return parsed.toISOString();
}
