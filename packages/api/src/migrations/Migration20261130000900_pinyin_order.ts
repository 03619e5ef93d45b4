import { Migration } from '@mikro-orm/migrations';

/** The Chinese names lists are ordered by; each compares in pinyin order (ICU's `zh`), not by code point. */
export const PINYIN_COLUMNS: ReadonlyArray<readonly [table: string, column: string]> = [
  ['program', 'name'],
  ['park', 'name'],
  ['zone', 'name'],
  ['police_unit', 'name'],
  ['officer', 'name'],
  ['enterprise', 'name'],
  ['team', 'name'],
  ['team_member', 'name'],
  ['app_user', 'display_name'],
];

/**
 * Lists by name follow pinyin: 安徽, 北京, 成都 …, as people look names up, where code-point order
 * put 一 after 三. The collation is the columns' own, so ordering, the keyset cursors' comparisons and
 * the indexes agree. ICU's predefined collations are deterministic: names equal under it are equal.
 */
export class Migration20261130000900_pinyin_order extends Migration {
  override async up(): Promise<void> {
    for (const [table, column] of PINYIN_COLUMNS) {
      this.addSql(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE text COLLATE "zh-x-icu";`);
    }
  }
}
