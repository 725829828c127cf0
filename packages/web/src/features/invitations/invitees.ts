/**
 * The invite dialog's list of people: email chips with a role each, inline checks, and the
 * CSV file (`email,role`) that fills it. Server rules live in @pn/shared; the server has the
 * last word (e.g. "already a member"), shown on the same chips after sending.
 */
import {
  csvDelimiterOf,
  emailKey,
  type InvitableRole,
  isValidEmail,
  normalizeEmail,
  parseInvitableRole,
  Role,
  USER_INVITATION_CSV_SAMPLE,
} from "@pn/shared";
import Papa from "papaparse";

export interface Invitee {
  email: string;
  role: InvitableRole;
}

export const DEFAULT_INVITE_ROLE: InvitableRole = Role.VIEWER;

/** Keys that end a chip while typing (Enter too); a pasted list is split on all of them. */
export const EMAIL_SPLIT_CHARS = [",", " ", ";", "\n", "\r", "\t"];
const SEPARATORS = /[\s,;]+/;

/** "a@x.com, b@y.com\nc@z.com" -> ["a@x.com", "b@y.com", "c@z.com"]. */
export function splitEmails(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** What is wrong with an address on its own, before the server sees it. */
export function emailProblem(email: string): string | null {
  return isValidEmail(email) ? null : "Not a valid email address.";
}

/**
 * The invitees for a new list of chips: chips that stay keep their role, new ones get
 * `defaultRole`. Chips are unique (case-insensitive), so the email finds the old entry.
 */
export function reconcileInvitees(
  previous: readonly Invitee[],
  emails: readonly string[],
  defaultRole: InvitableRole,
): Invitee[] {
  const roles = new Map(previous.map((invitee) => [emailKey(invitee.email), invitee.role]));
  return emails.map((email) => ({ email, role: roles.get(emailKey(email)) ?? defaultRole }));
}

/** Appends addresses that are not in the list yet; returns the list and the ones left out. */
export function addInvitees(
  previous: readonly Invitee[],
  added: readonly Invitee[],
): { invitees: Invitee[]; duplicates: string[] } {
  const seen = new Set(previous.map((invitee) => emailKey(invitee.email)));
  const invitees = [...previous];
  const duplicates: string[] = [];
  for (const invitee of added) {
    const key = emailKey(invitee.email);
    if (seen.has(key)) {
      duplicates.push(invitee.email);
    } else {
      seen.add(key);
      invitees.push(invitee);
    }
  }
  return { invitees, duplicates };
}

export interface ParsedInviteesCsv {
  invitees: Invitee[];
  /** Lines left out, e.g. an unknown role; or why the whole file was refused. */
  problems: string[];
}

/**
 * Reads the user-invitation CSV like the server does: a header naming `email` (and `role`,
 * optional here: a missing role takes `defaultRole`), any order and case, BOM, CRLF, quotes.
 * Line numbers count data lines after the header, as in the server's import report.
 * Invalid addresses are kept, so they show as marked chips to fix or remove.
 */
export function parseInviteesCsv(text: string, defaultRole: InvitableRole): ParsedInviteesCsv {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    skipEmptyLines: false,
    delimiter: csvDelimiterOf(text, ["email"]),
  });
  const records = parsed.data.filter(Array.isArray);
  const header = (records[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const emailColumn = header.indexOf("email");
  const roleColumn = header.indexOf("role");
  if (emailColumn < 0) {
    return {
      invitees: [],
      problems: ["The first line must be a header with the columns email and role."],
    };
  }
  const invitees: Invitee[] = [];
  const problems: string[] = [];
  records.slice(1).forEach((record, index) => {
    const line = index + 1;
    if (record.every((cell) => cell.trim() === "")) return;
    const email = normalizeEmail(record[emailColumn] ?? "");
    const roleText = roleColumn < 0 ? "" : (record[roleColumn] ?? "").trim();
    if (!email) {
      problems.push(`Line ${line}: the email is missing.`);
      return;
    }
    const role = roleText ? parseInvitableRole(roleText) : defaultRole;
    if (!role) {
      problems.push(`Line ${line}: role “${roleText}” must be Viewer, Editor or Administrator.`);
      return;
    }
    invitees.push({ email, role });
  });
  return { invitees, problems };
}

/** A link target that downloads the sample CSV, without a request. */
export const SAMPLE_CSV_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(USER_INVITATION_CSV_SAMPLE)}`;
