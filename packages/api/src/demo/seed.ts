import { SYSTEM_GRANTS_STATEMENT } from '../access/row-security';
import { Client } from 'pg';
import { sha256 } from '../accounts/tokens';
import { generateDemo, type DemoOptions, type DemoTotals } from './generator';
import { TIANFU } from './tianfu';
import { ANLONG } from './anlong';
import { HULI } from './huli';
import { LONGHUA } from './longhua';
import { writePlacesProgram } from './places';
import { todayInShanghai } from '../shared/time/calendar';
import { WENG_AN } from './weng-an';
import { DEMO_EMBED_KEY, DEMO_EMBED_KEYS, seedDemoUsers } from './users';

/**
 * A progress bar on a terminal, a line every 10 % elsewhere (CI logs). Each program the demo writes
 * reports from its first row again; its phases name its park.
 */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): NonNullable<DemoOptions['onProgress']> {
  let lastDecile = -1;
  let lastDraw = 0;
  let lastRows = 0;
  return ({ phase, rows, expectedRows, park }) => {
    const what = park ? `${park}: ${phase}` : phase;
    // Fewer rows than last time: the next program has begun.
    if (rows < lastRows) lastDecile = -1;
    lastRows = rows;
    const ratio = Math.min(1, rows / Math.max(1, expectedRows));
    if (stream.isTTY) {
      const now = Date.now();
      if (now - lastDraw < 100 && phase !== 'done') return;
      lastDraw = now;
      const width = 30;
      const bar = '█'.repeat(Math.round(ratio * width)).padEnd(width, '░');
      stream.write(`\r[demo] ${bar} ${(ratio * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en')} rows  ${what.padEnd(30)}`);
      if (phase === 'done') stream.write('\n');
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile > lastDecile || phase === 'done') {
      lastDecile = decile;
      stream.write(`[demo] ${(ratio * 100).toFixed(0)}% (${rows.toLocaleString('en')} rows, ${what})\n`);
    }
  };
}

/** True when the demo program is already in the database. */
export async function demoPresent(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM program WHERE name = $1', [WENG_AN.program.name]);
    return (rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/**
 * Lets the demo embed key be used from the example pages wherever the server listens: adds
 * `http://localhost:<port>` and `http://127.0.0.1:<port>` to its origins (once). Returns whether the
 * demo key is there.
 */
export async function allowDemoKeyOrigins(url: string, port: number): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
    const { rowCount } = await client.query(
      // The local origins of earlier ports give way to this one's: a key holds at most 20 origins, and
      // a server started on many ports in turn must still start.
      `UPDATE embed_key SET allowed_origins = ARRAY(
          SELECT DISTINCT o FROM unnest(allowed_origins || $2::text[]) AS o
           WHERE o = ANY($2::text[]) OR o !~ '^http://(localhost|127\\.0\\.0\\.1):[0-9]+$' ORDER BY o)
        WHERE key_hash = ANY($1) AND NOT allowed_origins @> $2::text[]`,
      [DEMO_EMBED_KEYS.map((demo) => sha256(demo.key)), origins],
    );
    if ((rowCount ?? 0) > 0) return true;
    return ((await client.query('SELECT 1 FROM embed_key WHERE key_hash = $1', [sha256(DEMO_EMBED_KEY)])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/**
 * Writes the demo in one transaction, all of it or nothing: the Weng'an program (sized by `options`),
 * the second program, Tianfu's construction sites, the third, Anlong's relocation communities, and
 * the fourth, Huli's city district, the fifth, Longhua's factory campus, each with its own measures
 * through the same catalog, and the demo users and embed keys (demo/users.ts).
 */
export async function seedDemo(url: string, options: DemoOptions = {}): Promise<DemoTotals> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    // The demo is written by the system: the row-level security policies let it write every park.
    await client.query(SYSTEM_GRANTS_STATEMENT);
    // Each program's progress, its phases named after its park.
    const report = options.onProgress;
    const onProgress = (park: string): DemoOptions['onProgress'] => report && ((progress) => report({ ...progress, park }));
    const totals = await generateDemo(client, { ...options, onProgress: onProgress(WENG_AN.park.name) });
    await generateDemo(client, {
      program: TIANFU,
      seed: (options.seed ?? 1131) + 1,
      months: options.months,
      endDate: options.endDate,
      onProgress: onProgress(TIANFU.park.name),
    });
    // The places programs write their articles' counts over a year; a shorter demo writes its share.
    const scale = Math.min(1, (options.months ?? 12) / 12);
    await writePlacesProgram(client, ANLONG, {
      seed: (options.seed ?? 1131) + 2,
      endDate: options.endDate ?? todayInShanghai(),
      months: options.months,
      scale,
    });
    // Its figures are year on year: it keeps two years of data whatever the other programs' months.
    await writePlacesProgram(client, HULI, {
      seed: (options.seed ?? 1131) + 3,
      endDate: options.endDate ?? todayInShanghai(),
      months: Math.max(HULI.months, options.months ?? 0),
      scale,
    });
    await writePlacesProgram(client, LONGHUA, {
      seed: (options.seed ?? 1131) + 4,
      endDate: options.endDate ?? todayInShanghai(),
      months: Math.max(LONGHUA.months, options.months ?? 0),
      scale,
    });
    await seedDemoUsers(client);
    await client.query('COMMIT');
    return totals;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
