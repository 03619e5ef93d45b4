import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PUBLIC_OPERATION_IDS,
  PUBLIC_PERSISTED_OPERATIONS,
  canonicalJson,
  signedText,
  snapshotPath,
  type SnapshotFile,
} from '@huhang/schema';
import { startTestApi, type TestApi } from '../test-support/api';
import { generateDemo } from '../demo/generator';
import { createSchema } from '../schema';
import { sha256 } from '../accounts/tokens';
import { toGlobalId } from '../shared/graphql/global-id';
import { publishSnapshot, snapshotKey, snapshotRequests, type PublishedSnapshot } from './publish';

/** `npm run publish:snapshot`: the public figures as signed files, the same as the API answers. */
let api: TestApi;
let out: string;
let published: PublishedSnapshot;
let programId: number;
let parkId: number;
const KEY = 'hk_pub_snapshot_test_key';
const ORIGIN = 'http://portal.test';
const TODAY = '2026-10-20';

beforeAll(async () => {
  api = await startTestApi((db) => generateDemo(db.sql, { months: 3, endDate: TODAY }));
  ({ program_id: programId, id: parkId } = (await api.db.sql.query('SELECT id, program_id FROM park ORDER BY id LIMIT 1')).rows[0]);
  await api.db.sql.query(
    `INSERT INTO embed_key (name, prefix, key_hash, program_id, allowed_origins) VALUES ('snapshot test', 'hk_pub_snap', $1, $2, $3)`,
    [sha256(KEY), programId, [ORIGIN]],
  );
  out = mkdtempSync(join(tmpdir(), 'huhang-snapshot-'));
  const key = snapshotKey(join(out, 'keys', 'snapshot.pem'), true);
  published = await publishSnapshot({ orm: api.orm, schema: await createSchema(), programId, out: join(out, 'site'), key, today: TODAY });
}, 180_000);

afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  await api.close();
});

function fileOf(operation: keyof typeof PUBLIC_OPERATION_IDS, variables: Record<string, unknown>): SnapshotFile {
  const hash = createHash('sha256').update(canonicalJson(variables)).digest('hex');
  return JSON.parse(readFileSync(join(out, 'site', snapshotPath(PUBLIC_OPERATION_IDS[operation], hash)), 'utf8')) as SnapshotFile;
}

const publicKey = () => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: published.publicKey }, format: 'jwk' });
const signatureHolds = (file: SnapshotFile) =>
  verify(null, Buffer.from(signedText(file)), publicKey(), Buffer.from(file.signature, 'base64url'));

describe('a published snapshot', () => {
  it('holds every answer the public widgets ask for, each signed', () => {
    const requests = snapshotRequests({ programId, parkIds: [parkId], metrics: [], today: TODAY });
    // 13 months, 8 quarters of which 4 begun this year plus 4 last year, 2 years: for the program and the park, in 3 languages.
    expect(requests.filter((r) => r.operation === 'ComplianceOverview')).toHaveLength(3 * 2 * (13 + 8 + 2));
    expect(published.files + published.refused.length).toBeGreaterThan(300);
    expect(published.files).toBeGreaterThan(published.refused.length);
    const file = fileOf('ComplianceOverview', { scope: toGlobalId('Park', parkId), period: { month: '2026-09' }, locale: 'ZH_CN' });
    expect(signatureHolds(file)).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'site', 'index.json'), 'utf8'))).toMatchObject({ programId, publicKey: published.publicKey });
  });

  it('says what the API says to an embed key of the program, figure for figure', async () => {
    const ask = api.as({ key: KEY, origin: ORIGIN });
    const cases: Array<[keyof typeof PUBLIC_OPERATION_IDS, Record<string, unknown>]> = [
      ['ComplianceOverview', { scope: toGlobalId('Park', parkId), period: { month: '2026-09' }, locale: 'ZH_CN' }],
      ['ComplianceOverview', { scope: toGlobalId('Program', programId), period: { year: 2026 }, locale: 'EN' }],
      ['ServiceFigures', { scope: toGlobalId('Park', parkId), period: { quarter: '2026-Q3' }, locale: 'ZH_TW' }],
      ['ParkOverview', { parkId: toGlobalId('Park', parkId) }],
    ];
    for (const [operation, variables] of cases) {
      const live = await ask(PUBLIC_PERSISTED_OPERATIONS[PUBLIC_OPERATION_IDS[operation]]!.document, variables);
      expect(live.errors).toBeUndefined();
      expect({ operation, data: fileOf(operation, variables).data }).toEqual({ operation, data: live.data });
    }
  });

  it('cannot be altered without the signature failing', () => {
    const file = fileOf('ServiceFigures', { scope: toGlobalId('Park', parkId), period: { month: '2026-09' }, locale: 'ZH_CN' });
    expect(signatureHolds(file)).toBe(true);
    const altered = JSON.parse(JSON.stringify(file).replace(/"value":(\d+)/, (_, n: string) => `"value":${Number(n) + 1}`)) as SnapshotFile;
    expect(JSON.stringify(altered)).not.toBe(JSON.stringify(file));
    expect(signatureHolds(altered)).toBe(false);
    expect(signatureHolds({ ...file, variables: { ...file.variables, locale: 'EN' } })).toBe(false);
  });
});
