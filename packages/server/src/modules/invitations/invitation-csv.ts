/**
 * Parses the user-invitation CSV (`email,role`): BOM, CRLF, quoted fields, header
 * case and blank lines are accepted. Line numbers count data lines after the header,
 * blank ones included, so they match what a spreadsheet shows minus the header.
 */
import {
  csvDelimiterOf,
  IMPORT_ROWS_MAX,
  inputProblem,
  inputRuleFor,
  isValidEmail,
  normalizeEmail,
  parseInvitableRole,
  UserErrorCode,
  type InvitableRole,
} from "@pn/shared";
import Papa from "papaparse";
import { userError, type UserError } from "../../graphql/user-error";

export type ParsedInviteeRow = {
  line: number;
  email: string;
  role: InvitableRole | null;
  errors: UserError[];
};

const EMAIL_CELL = inputRuleFor("InviteeInput", "email")!;
/** A role is one word; the policy's single-line text rule keeps control characters out of the messages that echo it. */
const ROLE_CELL = { kind: "text", maxLength: 50 } as const;

export type ParsedCsv = { rows: ParsedInviteeRow[]; fileErrors: UserError[] };

export function parseUserInvitationCsv(csv: string): ParsedCsv {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), {
    skipEmptyLines: false,
    delimiter: csvDelimiterOf(csv, ["email", "role"]),
  });
  const records = parsed.data;
  while (records.length > 0 && records.at(-1)!.every((cell) => cell.trim() === "")) records.pop();
  const header = (records[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const emailColumn = header.indexOf("email");
  const roleColumn = header.indexOf("role");
  const missing = [emailColumn < 0 && "email", roleColumn < 0 && "role"].filter(Boolean);
  if (missing.length) {
    return {
      rows: [],
      fileErrors: [
        userError(
          UserErrorCode.INVALID,
          `The first line must be a header with the columns email and role (missing: ${missing.join(", ")}).`,
          ["csv"],
        ),
      ],
    };
  }
  const data = records.slice(1);
  if (data.length > IMPORT_ROWS_MAX) {
    return {
      rows: [],
      fileErrors: [
        userError(UserErrorCode.INVALID, `At most ${IMPORT_ROWS_MAX} rows per import.`, ["csv"]),
      ],
    };
  }
  const rows: ParsedInviteeRow[] = [];
  data.forEach((record, index) => {
    const line = index + 1;
    if (record.every((cell) => cell.trim() === "")) return;
    const email = normalizeEmail(record[emailColumn] ?? "");
    const roleText = (record[roleColumn] ?? "").trim();
    const role = parseInvitableRole(roleText);
    const errors: UserError[] = [];
    // Every cell goes through the input policy first: a NUL byte or 10,000 characters stop here, by line and column.
    const emailProblem = inputProblem(email, EMAIL_CELL, `Line ${line}, column email`);
    const roleProblem = inputProblem(roleText, ROLE_CELL, `Line ${line}, column role`);
    if (emailProblem)
      errors.push(userError(UserErrorCode.INVALID, emailProblem.message, [String(line), "email"]));
    else if (!isValidEmail(email))
      errors.push(
        userError(UserErrorCode.INVALID, `Line ${line}: "${email}" is not a valid email address.`, [
          String(line),
          "email",
        ]),
      );
    if (roleProblem)
      errors.push(userError(UserErrorCode.INVALID, roleProblem.message, [String(line), "role"]));
    else if (!role) {
      errors.push(
        userError(
          UserErrorCode.INVALID,
          `Line ${line}: role "${roleText}" must be Viewer, Editor or Administrator.`,
          [String(line), "role"],
        ),
      );
    }
    rows.push({ line, email, role, errors });
  });
  return { rows, fileErrors: [] };
}
