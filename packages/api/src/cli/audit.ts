import { Client } from 'pg';
import { bootstrap } from '../bootstrap';
import { openDatabase } from '../shared/db/database';
import { DatabaseSetupError } from '../shared/db/embedded';
import { verifyAuditChain } from '../shared/audit/chain';
import { MIN_RETENTION_DAYS, purgeAuditLog } from '../shared/audit/purge';

const USAGE = `Usage:
  npm run audit:purge [-- --retention-days N]
    Deletes audit rows older than N days (default and minimum ${MIN_RETENTION_DAYS}), as the database's owner.
    Nothing else can delete them.
  npm run audit:verify
    Walks the audit trail's hash chain and names the first row that was changed, deleted or inserted
    out of place. Exits with 1 when it finds one.`;

async function purge(args: string[]): Promise<void> {
  let days = MIN_RETENTION_DAYS;
  for (let i = 0; i < args.length; i += 2) {
    if (args[i] !== '--retention-days') throw new Error(`unknown option ${args[i]}\n\n${USAGE}`);
    days = Number(args[i + 1]);
    if (!Number.isInteger(days) || days < MIN_RETENTION_DAYS)
      throw new Error(`--retention-days needs a whole number of at least ${MIN_RETENTION_DAYS}`);
  }
  const app = await bootstrap();
  try {
    const deleted = await purgeAuditLog(app.db.ownerUrl, days);
    console.log(`[audit] deleted ${deleted} row(s) older than ${days} days`);
  } finally {
    await app.close();
  }
}

async function verify(): Promise<void> {
  const db = await openDatabase({ log: () => undefined });
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    let shown = 0;
    const report = await verifyAuditChain(client, {
      onProgress: (checked) => {
        if (checked - shown >= 50_000) {
          shown = checked;
          console.log(`[audit] ${checked.toLocaleString('en')} rows checked`);
        }
      },
    });
    if (report.ok) {
      console.log(`[audit] the chain holds: ${report.rows} row(s), ids ${report.firstId ?? '-'} to ${report.lastId ?? '-'}`);
    } else {
      console.error(`[audit] BROKEN after ${report.rows} intact row(s): ${report.problem!.message}`);
      process.exitCode = 1;
    }
  } finally {
    await client.end();
    await db.stop();
  }
}

const [command, ...rest] = process.argv.slice(2);
const run = command === 'purge' ? purge(rest) : command === 'verify' ? verify() : Promise.reject(new Error(USAGE));
run.catch((error: unknown) => {
  console.error(error instanceof DatabaseSetupError ? error.message : error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
