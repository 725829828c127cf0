/**
 * The input policy: one table that says, for every text a person or a partner system
 * can send (GraphQL arguments and input fields, REST parameters, CSV cells), what kind
 * of text it is and how long it may be. The server checks every String/ID input
 * against it before a resolver runs (graphql/input-policy.middleware.ts), the CSV
 * importers check every cell with it, and the SPA takes its `maxLength`s from it; the
 * database repeats the lengths as CHECK constraints. A schema test fails when an input
 * field has no entry here, so a new field cannot be forgotten.
 */
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "./validation";

/**
 * - name: a person's, company's or account's name; single line.
 * - text: other single-line text shown to people (titles, descriptions, labels).
 * - multilineText: text with tabs and line breaks (messages); no other control characters.
 * - email, url, domain, handle, phone: single-line, shape checked by the service.
 * - password: anything printable; bidi characters allowed (they are never shown).
 * - secret: tokens from links; identifiers: global IDs and cursors; search: filter terms.
 * - csv: a whole CSV document: only its length here; the importer checks each cell
 *   with its column's rule and reports the line and column.
 */
export type InputKind =
  | "name"
  | "text"
  | "multilineText"
  | "email"
  | "url"
  | "domain"
  | "handle"
  | "phone"
  | "password"
  | "secret"
  | "identifier"
  | "search"
  | "csv";

/** Maximum lengths, in UTF-16 code units (what a browser's `maxLength` counts; never fewer than PostgreSQL's characters). */
export const TEXT_LIMITS = {
  name: NAME_MAX_LENGTH,
  title: 200,
  description: 200,
  apiTokenName: 100,
  externalId: 100,
  auditAction: 100,
  multilineText: 5000,
  email: 254,
  url: 2000,
  domain: 253,
  handle: 40,
  phone: 40,
  password: PASSWORD_MAX_LENGTH,
  secret: 512,
  identifier: 512,
  search: 200,
  csv: 10 * 1024 * 1024,
} as const;

export type InputRule = { kind: InputKind; maxLength: number };

const rule = (kind: InputKind, maxLength: number): InputRule => ({ kind, maxLength });

const NAME = rule("name", TEXT_LIMITS.name);
const EMAIL = rule("email", TEXT_LIMITS.email);
const PASSWORD = rule("password", TEXT_LIMITS.password);
const URL_RULE = rule("url", TEXT_LIMITS.url);
const ID_RULE = rule("identifier", TEXT_LIMITS.identifier);
const SEARCH = rule("search", TEXT_LIMITS.search);

/**
 * By field (or argument) name; a `Type.field` entry wins over the bare name where the
 * same name means different things. Every String/ID input of the schema must resolve
 * to an entry (app/input-policy.spec.ts); add new fields here.
 */
export const INPUT_POLICY: Record<string, InputRule> = {
  // Names of people, companies and accounts.
  name: NAME,
  accountName: NAME,
  companyName: NAME,
  contactName: NAME,
  "CreateApiTokenInput.name": rule("text", TEXT_LIMITS.apiTokenName),
  title: rule("text", TEXT_LIMITS.title),
  description: rule("text", TEXT_LIMITS.description),
  externalId: rule("text", TEXT_LIMITS.externalId),
  action: rule("text", TEXT_LIMITS.auditAction),
  message: rule("multilineText", TEXT_LIMITS.multilineText),
  // Shaped values: the services check the shape, the policy the characters and length.
  email: EMAIL,
  password: PASSWORD,
  currentPassword: PASSWORD,
  newPassword: PASSWORD,
  url: URL_RULE,
  publicUrl: URL_RULE,
  domain: rule("domain", TEXT_LIMITS.domain),
  handle: rule("handle", TEXT_LIMITS.handle),
  accountHandle: rule("handle", TEXT_LIMITS.handle),
  phone: rule("phone", TEXT_LIMITS.phone),
  token: rule("secret", TEXT_LIMITS.secret),
  claimToken: rule("secret", TEXT_LIMITS.secret),
  search: SEARCH,
  csv: rule("csv", TEXT_LIMITS.csv),
  // Global IDs and pagination cursors.
  id: ID_RULE,
  ids: ID_RULE,
  after: ID_RULE,
  before: ID_RULE,
  accountId: ID_RULE,
  actorId: ID_RULE,
  clientId: ID_RULE,
  deliveryId: ID_RULE,
  invitationId: ID_RULE,
  memberId: ID_RULE,
  memberIds: ID_RULE,
  objectId: ID_RULE,
  partnerAccountId: ID_RULE,
  partnerId: ID_RULE,
  replacementMemberId: ID_RULE,
  apiTokenId: ID_RULE,
  sessionId: ID_RULE,
  teamMemberIds: ID_RULE,
};

/** The rule for `field` of input type (or `Type.field()` argument owner) `typeName`; null when the table has none. */
export function inputRuleFor(typeName: string, field: string): InputRule | null {
  return INPUT_POLICY[`${typeName}.${field}`] ?? INPUT_POLICY[field] ?? null;
}

/** C0 and C1 control characters, DEL included. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
/** What a multi-line field may hold of them: tab and line feed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_EXCEPT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
/** Bidi embedding, override and isolate characters: they make "Invoice \u202Efdp.exe" show as "Invoice exe.pdf". */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;

export type InputProblem = {
  reason: "control" | "lineBreak" | "bidi" | "tooLong";
  message: string;
};

function visible(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Why `value` breaks `rule`, or null when it may pass; `label` names the field in the
 * message ("Name", "Line 3, column Email").
 */
export function inputProblem(value: string, rule: InputRule, label: string): InputProblem | null {
  if (value.length > rule.maxLength)
    return {
      reason: "tooLong",
      message: `${label} must be at most ${rule.maxLength.toLocaleString("en-US")} characters.`,
    };
  // The importer checks a CSV's cells one by one, so it can name the line and column at fault.
  if (rule.kind === "csv") return null;
  const control = (rule.kind === "multilineText" ? CONTROL_EXCEPT_TAB_LF : CONTROL).exec(value);
  if (control) {
    const char = control[0];
    if (char === "\r" || char === "\n")
      return { reason: "lineBreak", message: `${label} must be a single line.` };
    return {
      reason: "control",
      message: `${label} contains the control character ${visible(char.codePointAt(0)!)}; remove it.`,
    };
  }
  // Passwords are never shown, and multi-line text may be right-to-left prose.
  if (rule.kind !== "password" && rule.kind !== "multilineText") {
    const bidi = BIDI_CONTROL.exec(value);
    if (bidi)
      return {
        reason: "bidi",
        message: `${label} contains the text-direction character ${visible(bidi[0].codePointAt(0)!)}, which can disguise what is shown; remove it.`,
      };
  }
  return null;
}

/** "companyName" -> "Company name", for messages. */
export function fieldLabel(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
