import { Migration } from '@mikro-orm/migrations';

/**
 * Which of a list of unified social credit codes, or of badge numbers, are registered anywhere: an
 * import checks its rows against them before it writes, including records in parks the importing
 * administrator may not read (row-level security hides those rows). It says no more than the unique
 * constraint a single create runs into: that the code is taken, not where or by whom.
 */
export class Migration20261201002100_taken_codes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE FUNCTION huhang_credit_codes_taken(codes text[]) RETURNS SETOF text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $fn$ SELECT e.credit_code::text FROM enterprise e WHERE e.credit_code = ANY (codes) $fn$`);
    this.addSql(`CREATE FUNCTION huhang_badge_numbers_taken(badges text[]) RETURNS SETOF text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $fn$ SELECT o.badge_number::text FROM officer o WHERE o.badge_number = ANY (badges) $fn$`);
  }
}
