import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The database's second wall behind the input policy (packages/shared input-policy.ts):
 * every column people type into gets a CHECK on its maximum length, and the single-line
 * ones refuse control characters (CR/LF included; PostgreSQL text cannot hold NUL
 * anyway); names also refuse the bidi override, embedding and isolate characters.
 * A write that bypasses the services (a script, a bug) fails with check_violation.
 *
 * The constraints are added NOT VALID: before the policy, 10,000-character names and
 * CR/LF in names were accepted, and such rows may exist. NOT VALID checks every new
 * insert and update without failing this migration on old rows; an operator who has
 * cleaned them can run `ALTER TABLE … VALIDATE CONSTRAINT …` later. Old rows stay
 * readable, and an update of an old row must bring it within the rules.
 *
 * The numbers are written out, not imported: a migration must not change when a
 * constant does (a later limit change is a new migration).
 */
type Column = {
  table: string;
  column: string;
  maxLength: number;
  singleLine: boolean;
  name?: boolean;
};

const COLUMNS: Column[] = [
  { table: "users", column: "name", maxLength: 200, singleLine: true, name: true },
  { table: "users", column: "email", maxLength: 254, singleLine: true },
  { table: "accounts", column: "name", maxLength: 200, singleLine: true, name: true },
  { table: "members", column: "title", maxLength: 200, singleLine: true },
  { table: "api_tokens", column: "name", maxLength: 100, singleLine: true },
  { table: "invitations", column: "email", maxLength: 254, singleLine: true },
  { table: "partners", column: "company_name", maxLength: 200, singleLine: true, name: true },
  { table: "partners", column: "contact_name", maxLength: 200, singleLine: true, name: true },
  { table: "partners", column: "contact_email", maxLength: 254, singleLine: true },
  { table: "partners", column: "domain", maxLength: 253, singleLine: true },
  { table: "partners", column: "external_id", maxLength: 100, singleLine: true },
  { table: "partners", column: "public_url", maxLength: 2000, singleLine: true },
  { table: "clients", column: "name", maxLength: 200, singleLine: true, name: true },
  { table: "clients", column: "email", maxLength: 254, singleLine: true },
  { table: "clients", column: "phone", maxLength: 40, singleLine: true },
  { table: "webhook_endpoints", column: "url", maxLength: 2000, singleLine: true },
  { table: "webhook_endpoints", column: "description", maxLength: 200, singleLine: true },
];

/** C0 and C1 controls and DEL, as PostgreSQL regular-expression escapes. */
const CONTROL = "[\\u0001-\\u001f\\u007f-\\u009f]";
const BIDI = "[\\u202a-\\u202e\\u2066-\\u2069]";

export function constraintName({ table, column }: Column): string {
  return `${table}_${column}_text_check`;
}

function condition({ column, maxLength, singleLine, name }: Column): string {
  const parts = [`char_length(${column}) <= ${maxLength}`];
  if (singleLine) parts.push(`${column} !~ '${CONTROL}'`);
  if (name) parts.push(`${column} !~ '${BIDI}'`);
  return parts.join(" AND ");
}

export class TextColumnChecks1765350000000 implements MigrationInterface {
  name = "TextColumnChecks1765350000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of COLUMNS) {
      await queryRunner.query(
        `ALTER TABLE ${column.table} ADD CONSTRAINT ${constraintName(column)} CHECK (${condition(column)}) NOT VALID`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of COLUMNS)
      await queryRunner.query(
        `ALTER TABLE ${column.table} DROP CONSTRAINT IF EXISTS ${constraintName(column)}`,
      );
  }
}
