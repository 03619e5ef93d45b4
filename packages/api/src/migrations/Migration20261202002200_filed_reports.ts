import { Migration } from '@mikro-orm/migrations';

/**
 * Reports filed after each month's end (报表归档): a program's or park's monthly report, and after a
 * quarter's or year's last month its quarterly or yearly one, as the Excel workbook `GET /report`
 * makes, in each language, with every figure in full. A filed report is kept as it was made: the
 * month's figures as they stood when it was filed, whatever is corrected later.
 */
export class Migration20261202002200_filed_reports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE filed_report (
      id serial PRIMARY KEY,
      scope_kind text NOT NULL CHECK (scope_kind IN ('PROGRAM', 'PARK')),
      scope_id int NOT NULL,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
      locale text NOT NULL CHECK (locale IN ('zh-CN', 'zh-TW', 'en')),
      title text NOT NULL,
      body bytea NOT NULL,
      filed_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT filed_report_once UNIQUE (scope_kind, scope_id, period, locale)
    )`);
  }
}
