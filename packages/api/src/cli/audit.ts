import { bootstrap } from '../bootstrap';
import { DatabaseSetupError } from '../shared/db/embedded';
import { MIN_RETENTION_DAYS, purgeAuditLog } from '../shared/audit/purge';

const USAGE = `Usage: npm run audit:purge [-- --retention-days N]
  Deletes audit rows older than N days (default and minimum ${MIN_RETENTION_DAYS}). Nothing else can delete them.`;

async function run(args: string[]): Promise<void> {
  let days = MIN_RETENTION_DAYS;
  for (let i = 0; i < args.length; i += 2) {
    if (args[i] !== '--retention-days') throw new Error(`unknown option ${args[i]}\n\n${USAGE}`);
    days = Number(args[i + 1]);
    if (!Number.isInteger(days) || days < MIN_RETENTION_DAYS)
      throw new Error(`--retention-days needs a whole number of at least ${MIN_RETENTION_DAYS}`);
  }
  const app = await bootstrap();
  try {
    const deleted = await purgeAuditLog(app.orm.em.fork(), days);
    console.log(`[audit] deleted ${deleted} row(s) older than ${days} days`);
  } finally {
    await app.close();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof DatabaseSetupError ? error.message : error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
