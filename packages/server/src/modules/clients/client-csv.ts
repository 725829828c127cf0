/**
 * Parses the client CSV (First Name, Last Name, Email, Phone Number, Team, and an
 * optional Title): BOM, CRLF, quoted fields, header case and blank lines are accepted;
 * line numbers count data lines after the header, blank ones included.
 */
import {
  csvDelimiterOf,
  CLIENT_CSV_COLUMNS,
  CLIENT_CSV_OPTIONAL_COLUMNS,
  IMPORT_ROWS_MAX,
  inputProblem,
  inputRuleFor,
  isValidEmail,
  isValidPhone,
  normalizeEmail,
  UserErrorCode,
} from "@pn/shared";
import Papa from "papaparse";
import { userError, type UserError } from "../../graphql/user-error";

export type ParsedClientRow = {
  line: number;
  name: string;
  email: string;
  phone: string | null;
  /** The Title cell (null when empty); undefined when the file has no Title column. */
  title?: string | null;
  teamEmails: string[];
  errors: UserError[];
};

type Column = (typeof CLIENT_CSV_COLUMNS)[number] | (typeof CLIENT_CSV_OPTIONAL_COLUMNS)[number];

/** The input policy's rule for each column: the cells become the fields of inviteClient. */
const CELL_RULES: Record<
  Column,
  { field: string; rule: NonNullable<ReturnType<typeof inputRuleFor>> }
> = {
  "First Name": { field: "name", rule: inputRuleFor("InviteClientInput", "name")! },
  "Last Name": { field: "name", rule: inputRuleFor("InviteClientInput", "name")! },
  Email: { field: "email", rule: inputRuleFor("InviteClientInput", "email")! },
  "Phone Number": { field: "phone", rule: inputRuleFor("InviteClientInput", "phone")! },
  // Several emails separated by semicolons: each within the email rule, the cell within this.
  Team: { field: "team", rule: { kind: "text", maxLength: 100 * 255 } },
  Title: { field: "title", rule: inputRuleFor("InviteClientInput", "title")! },
};

export function parseClientCsv(csv: string): {
  rows: ParsedClientRow[];
  fileErrors: UserError[];
  /** Whether the header has a Title column: without one, titles are not the file's to change. */
  hasTitle: boolean;
} {
  const records = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), {
    skipEmptyLines: false,
    delimiter: csvDelimiterOf(
      csv,
      CLIENT_CSV_COLUMNS.map((name) => name.toLowerCase()),
    ),
  }).data;
  while (records.length > 0 && records.at(-1)!.every((cell) => cell.trim() === "")) records.pop();
  const header = (records[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const column = Object.fromEntries(
    [...CLIENT_CSV_COLUMNS, ...CLIENT_CSV_OPTIONAL_COLUMNS].map((name) => [
      name,
      header.indexOf(name.toLowerCase()),
    ]),
  ) as Record<Column, number>;
  const hasTitle = column.Title >= 0;
  const present: Column[] = [...CLIENT_CSV_COLUMNS, ...(hasTitle ? (["Title"] as const) : [])];
  const missing = CLIENT_CSV_COLUMNS.filter((name) => column[name] < 0);
  if (missing.length) {
    return {
      hasTitle,
      rows: [],
      fileErrors: [
        userError(
          UserErrorCode.INVALID,
          `The first line must be the header ${CLIENT_CSV_COLUMNS.join(",")} (missing: ${missing.join(", ")}).`,
          ["csv"],
        ),
      ],
    };
  }
  const data = records.slice(1);
  if (data.length > IMPORT_ROWS_MAX)
    return {
      hasTitle,
      rows: [],
      fileErrors: [
        userError(UserErrorCode.INVALID, `At most ${IMPORT_ROWS_MAX} rows per import.`, ["csv"]),
      ],
    };
  const rows: ParsedClientRow[] = [];
  data.forEach((record, index) => {
    const line = index + 1;
    if (record.every((cell) => cell.trim() === "")) return;
    const cell = (name: Column) => (column[name] < 0 ? "" : (record[column[name]] ?? "").trim());
    const name = [cell("First Name"), cell("Last Name")].filter(Boolean).join(" ");
    const email = normalizeEmail(cell("Email"));
    const phone = cell("Phone Number") || null;
    const title = hasTitle ? cell("Title") || null : undefined;
    const teamEmails = cell("Team")
      .split(";")
      .map((part) => normalizeEmail(part))
      .filter(Boolean);
    const errors: UserError[] = [];
    const at = (field: string) => [String(line), field];
    // Every cell goes through the input policy first: a NUL byte or 10,000 characters stop here, by line and column.
    const refused = new Set<string>();
    for (const name of present) {
      const { field, rule } = CELL_RULES[name];
      const problem = inputProblem(cell(name), rule, `Line ${line}, column ${name}`);
      if (problem && !refused.has(field)) {
        refused.add(field);
        errors.push(userError(UserErrorCode.INVALID, problem.message, at(field)));
      }
    }
    const nameProblem = inputProblem(name, CELL_RULES["First Name"].rule, `Line ${line}, name`);
    if (refused.has("name")) {
      // Reported above, by column.
    } else if (nameProblem)
      errors.push(userError(UserErrorCode.INVALID, nameProblem.message, at("name")));
    else if (!name)
      errors.push(
        userError(
          UserErrorCode.INVALID,
          `Line ${line}: a first or last name is required.`,
          at("name"),
        ),
      );
    if (!refused.has("email") && !isValidEmail(email))
      errors.push(
        userError(
          UserErrorCode.INVALID,
          `Line ${line}: "${email}" is not a valid email address.`,
          at("email"),
        ),
      );
    if (!refused.has("phone") && phone && !isValidPhone(phone))
      errors.push(
        userError(
          UserErrorCode.INVALID,
          `Line ${line}: "${phone}" is not a phone number.`,
          at("phone"),
        ),
      );
    if (refused.has("team")) {
      // Reported above.
    } else if (teamEmails.length === 0)
      errors.push(
        userError(
          UserErrorCode.INVALID,
          `Line ${line}: name at least one team member by email.`,
          at("team"),
        ),
      );
    // A refused Team cell must not reach the staff lookup.
    rows.push({
      line,
      name,
      email,
      phone,
      ...(hasTitle ? { title } : {}),
      teamEmails: refused.has("team") ? [] : teamEmails,
      errors,
    });
  });
  return { rows, fileErrors: [], hasTitle };
}
