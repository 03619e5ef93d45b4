import { Migration } from '@mikro-orm/migrations';
import { readFileSync } from 'node:fs';

/** The package the published calendar comes from, and its version (pinned in packages/api/package.json). */
const SOURCE = 'chinese-days';

interface ChineseDays {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * The working calendar time limits count with: the State Council's holidays on weekdays and its
 * make-up working days on weekends (调休), as the maintained `chinese-days` package publishes them,
 * not typed by hand. System administrators change single days through `setCalendarDay`.
 */
export class Migration20261130001100_working_calendar extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE calendar_day (
        id serial PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        day date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY', 'ORDINARY')),
        name varchar(100) NOT NULL DEFAULT '',
        source varchar(100) NOT NULL DEFAULT 'admin',
        CONSTRAINT calendar_day_day_unique UNIQUE (day)
      );
      COMMENT ON TABLE calendar_day IS 'Days that are not what their weekday says: holidays on weekdays, make-up working days on weekends.';
    `);
    const packageJson = require.resolve(`${SOURCE}/package.json`);
    const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
    const data = JSON.parse(readFileSync(packageJson.replace(/package\.json$/, 'dist/chinese-days.json'), 'utf8')) as ChineseDays;
    const weekday = (day: string) => {
      const d = new Date(`${day}T00:00:00Z`).getUTCDay();
      return d !== 0 && d !== 6;
    };
    // "National Day,国庆节,3": the Chinese name.
    const nameOf = (text: string) => (text.split(',')[1] ?? text).slice(0, 100);
    const rows: string[] = [];
    const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
    for (const [day, text] of Object.entries(data.holidays)) {
      if (weekday(day)) rows.push(`(${quote(day)}, 'HOLIDAY', ${quote(nameOf(text))}, ${quote(`${SOURCE} ${version}`)})`);
    }
    for (const [day, text] of Object.entries(data.workdays)) {
      if (!weekday(day)) rows.push(`(${quote(day)}, 'WORKDAY', ${quote(nameOf(text))}, ${quote(`${SOURCE} ${version}`)})`);
    }
    if (rows.length) this.addSql(`INSERT INTO calendar_day (day, kind, name, source) VALUES ${rows.join(',\n')};`);
  }
}
