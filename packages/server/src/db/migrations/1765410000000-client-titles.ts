import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Clients get a title ("Head of purchasing"), as members have: typed in the client page,
 * sent with inviteClient or read from the client CSV's optional Title column.
 *
 * The CHECK repeats the input policy's `title` rule (TEXT_LIMITS.title, single line), as
 * 1765350000000-text-column-checks does for the other text columns, and like them it is
 * NOT VALID: on a new column that skips nothing (no row has a title yet) while every
 * insert and update is checked, and the text-column constraints stay alike for an
 * operator validating them. The number is written out: a migration must not change when
 * a constant does.
 */
export class ClientTitles1765410000000 implements MigrationInterface {
  name = "ClientTitles1765410000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE clients ADD COLUMN title text");
    await queryRunner.query(
      `ALTER TABLE clients ADD CONSTRAINT clients_title_text_check
         CHECK (char_length(title) <= 200 AND title !~ '[\\u0001-\\u001f\\u007f-\\u009f]') NOT VALID`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE clients DROP COLUMN title");
  }
}
