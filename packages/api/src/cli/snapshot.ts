import 'reflect-metadata';
import { resolve } from 'node:path';
import { bootstrap } from '../bootstrap';
import { createSchema } from '../schema';
import { DatabaseSetupError } from '../shared/db/embedded';
import { parseGlobalId } from '../shared/graphql/global-id';
import { DEFAULT_CONCURRENCY, publishSnapshot, snapshotKey } from '../snapshot/publish';

const USAGE = `Usage:
  npm run publish:snapshot -- --program <id> --out <directory> [--key <file>] [--new-key] [--concurrency <n>]
    Writes the program's public figures (what its public widgets show) as JSON files signed with an
    Ed25519 key, for a portal to host where the API cannot be reached. --program takes the program's
    number or global id. --key is the signing key (PKCS #8 PEM; HUHANG_SNAPSHOT_KEY by default);
    --new-key makes it there first. --concurrency is how many answers are worked out at a time
    (${DEFAULT_CONCURRENCY} by default; each holds a database connection). Prints the public key to
    give the widgets (snapshot-key).`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

async function main(args: string[]): Promise<void> {
  const program = option(args, '--program');
  const out = option(args, '--out');
  const keyPath = option(args, '--key') ?? process.env.HUHANG_SNAPSHOT_KEY;
  const concurrency = Number(option(args, '--concurrency') ?? DEFAULT_CONCURRENCY);
  if (!program || !out || !keyPath || !Number.isInteger(concurrency) || concurrency < 1) throw new Error(USAGE);
  const programId = /^\d+$/.test(program) ? Number(program) : parseGlobalId(program, 'program').id;
  const key = snapshotKey(resolve(keyPath), args.includes('--new-key'));
  const app = await bootstrap({ log: () => undefined });
  try {
    let shown = 0;
    const published = await publishSnapshot({
      orm: app.orm,
      schema: await createSchema(),
      programId,
      out: resolve(out),
      key,
      today: today(),
      concurrency,
      onProgress: (done, total) => {
        if (done - shown >= 50 || done === total) {
          shown = done;
          console.log(`[snapshot] ${done} of ${total} answers`);
        }
      },
    });
    console.log(`[snapshot] ${published.files} signed files in ${resolve(out)}`);
    for (const refused of published.refused.slice(0, 10)) {
      console.log(`[snapshot] not published (${refused.code}): ${refused.operation} ${JSON.stringify(refused.variables)}`);
    }
    if (published.refused.length > 10) console.log(`[snapshot] … and ${published.refused.length - 10} more not published`);
    console.log(`[snapshot] public key (the widgets' snapshot-key): ${published.publicKey}`);
    console.log(
      `[snapshot] on the portal: <huhang-config snapshot="https://portal.example/huhang-snapshot/" snapshot-key="${published.publicKey}"></huhang-config>`,
    );
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof DatabaseSetupError) console.error(`\n[db] ${error.message}\n`);
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
