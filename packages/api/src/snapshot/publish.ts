import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { execute, Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { PUBLIC_PERSISTED_OPERATIONS, canonicalJson, signedText, snapshotPath, type SnapshotFile } from '@huhang/schema';
import { createContext } from '../context';
import { Viewer } from '../access/viewer';
import { beginRequest, endRequest } from '../access/request-transaction';
import { SYSTEM_GRANTS, withRowGrants } from '../access/row-security';
import { toGlobalId } from '../shared/graphql/global-id';

/** One answer to publish: a public persisted operation (by name) and the variables a widget sends. */
export interface SnapshotRequest {
  operation: string;
  variables: Record<string, unknown>;
}

export interface PublishedSnapshot {
  files: number;
  /** Requests the API refused (a metric not defined for a scope, say): published as missing. */
  refused: Array<SnapshotRequest & { code: string }>;
  publicKey: string;
}

const LOCALES = ['ZH_CN', 'ZH_TW', 'EN'] as const;
/** The trend chart's defaults: 12 months, monthly, the patrol count unless another metric is set. */
const TREND_MONTHS = 12;
const DEFAULT_TREND_METRIC = 'patrolCount';
/** Requests published at a time: enough to keep a small server's cores busy, few enough for its pool. */
export const DEFAULT_CONCURRENCY = 4;

function monthOffset(month: string, offset: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function lastDay(month: string): string {
  const next = monthOffset(month, 1);
  return new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 0)).toISOString().slice(0, 10);
}

/**
 * What the public widgets ask for, as they compute it on a day `today` (Asia/Shanghai): for the
 * program and each park, every month of the last 12 and this one, every quarter and both years of
 * this year and the last (the `period` attribute's values), in the three languages; each park's
 * overview; the trend of each of the program's metrics over the 12 months to last month.
 */
export function snapshotRequests(input: { programId: number; parkIds: number[]; metrics: string[]; today: string }): SnapshotRequest[] {
  const month = input.today.slice(0, 7);
  const year = Number(input.today.slice(0, 4));
  const scopes = [toGlobalId('Program', input.programId), ...input.parkIds.map((id) => toGlobalId('Park', id))];
  const periods: Array<Record<string, unknown>> = [];
  for (let back = 12; back >= 0; back--) periods.push({ month: monthOffset(month, -back) });
  for (const y of [year - 1, year]) {
    for (let q = 1; q <= 4; q++) if (`${y}-${String(q * 3 - 2).padStart(2, '0')}` <= month) periods.push({ quarter: `${y}-Q${q}` });
    periods.push({ year: y });
  }
  const requests: SnapshotRequest[] = [];
  for (const locale of LOCALES) {
    requests.push({ operation: 'CommitmentList', variables: { programId: toGlobalId('Program', input.programId), locale } });
    for (const scope of scopes) {
      for (const period of periods) {
        requests.push({ operation: 'ComplianceOverview', variables: { scope, period, locale } });
        requests.push({ operation: 'ServiceFigures', variables: { scope, period, locale } });
      }
      const until = monthOffset(month, -1);
      const from = `${monthOffset(until, -(TREND_MONTHS - 1))}-01`;
      for (const metric of new Set([DEFAULT_TREND_METRIC, ...input.metrics])) {
        requests.push({ operation: 'MetricTrend', variables: { metric, scope, from, to: lastDay(until), granularity: 'MONTH', locale } });
      }
    }
  }
  for (const parkId of input.parkIds) requests.push({ operation: 'ParkOverview', variables: { parkId: toGlobalId('Park', parkId) } });
  return requests;
}

/** The publisher's key: read from `path` (PKCS #8 PEM), or made there when `create` (readable by its owner only). */
export function snapshotKey(path: string, create: boolean): { privateKey: KeyObject; publicKey: string } {
  if (!existsSync(path)) {
    if (!create) throw new Error(`no key at ${path}: pass --new-key to make one there`);
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  }
  const privateKey = createPrivateKey(readFileSync(path));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${path} is not an Ed25519 key`);
  const publicKey = createPublicKey(privateKey).export({ format: 'jwk' }).x!;
  return { privateKey, publicKey };
}

/** The program's parks and the metrics of its indicators, read as the system. */
async function programOf(em: EntityManager, programId: number): Promise<{ parkIds: number[]; metrics: string[] }> {
  return withRowGrants(em.fork(), SYSTEM_GRANTS, async (tx) => {
    const parks = await tx.execute<Array<{ id: number }>>('SELECT id FROM park WHERE program_id = ? ORDER BY id', [programId]);
    const metrics = await tx.execute<Array<{ metric: string }>>(
      `SELECT DISTINCT i.metric FROM indicator i JOIN commitment c ON c.id = i.commitment_id
        WHERE c.program_id = ? AND c.retired_at IS NULL ORDER BY i.metric`,
      [programId],
    );
    return { parkIds: parks.map((park) => park.id), metrics: metrics.map((row) => row.metric) };
  });
}

/**
 * Writes the program's public figures as signed files under `out` (snapshot.ts in @huhang/schema):
 * each answer is what an embed key of the program gets from the API for the same request, taken
 * through the same schema, row-level security and transaction.
 */
export async function publishSnapshot(options: {
  orm: MikroORM<PostgreSqlDriver>;
  schema: GraphQLSchema;
  programId: number;
  out: string;
  key: { privateKey: KeyObject; publicKey: string };
  today: string;
  now?: Date;
  /** Requests answered at a time (each holds one database connection); DEFAULT_CONCURRENCY unless given. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}): Promise<PublishedSnapshot> {
  const { parkIds, metrics } = await programOf(options.orm.em, options.programId);
  if (!parkIds.length) {
    const exists = await withRowGrants(options.orm.em.fork(), SYSTEM_GRANTS, (tx) =>
      tx.execute<Array<{ id: number }>>('SELECT id FROM program WHERE id = ?', [options.programId]),
    );
    if (!exists.length) throw new Error(`there is no program ${options.programId}`);
  }
  const viewer = Viewer.key({ keyId: 0, keyName: 'snapshot', programIds: [options.programId], parkIds });
  const ids = new Map(Object.entries(PUBLIC_PERSISTED_OPERATIONS).map(([id, operation]) => [operation.name, id]));
  const documents = new Map([...ids].map(([name, id]) => [name, parse(PUBLIC_PERSISTED_OPERATIONS[id]!.document)]));
  const requests = snapshotRequests({ programId: options.programId, parkIds, metrics, today: options.today });
  const publishedAt = (options.now ?? new Date()).toISOString();
  const refusals: Array<PublishedSnapshot['refused'][number] | undefined> = [];
  let files = 0;
  let done = 0;
  const publish = async (request: SnapshotRequest, index: number): Promise<void> => {
    const document = documents.get(request.operation)!;
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const ctx = createContext(options.orm, {}, viewer);
    await beginRequest(ctx, operation);
    const result = await execute({ schema: options.schema, document, variableValues: request.variables, contextValue: ctx });
    await endRequest(ctx, false);
    options.onProgress?.((done += 1), requests.length);
    if (result.errors?.length || !result.data) {
      const code = (result.errors?.[0]?.extensions?.code as string | undefined) ?? 'NO_DATA';
      refusals[index] = { ...request, code };
      return;
    }
    const id = ids.get(request.operation)!;
    const unsigned = { operation: id, variables: request.variables, publishedAt, data: JSON.parse(JSON.stringify(result.data)) as unknown };
    const file: SnapshotFile = {
      ...unsigned,
      signature: sign(null, Buffer.from(signedText(unsigned)), options.key.privateKey).toString('base64url'),
    };
    const hash = createHash('sha256').update(canonicalJson(request.variables)).digest('hex');
    const path = join(options.out, snapshotPath(id, hash));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(file));
    files += 1;
  };
  // Several requests at a time, each in its own transaction, as the API would answer several portals.
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < requests.length) {
      const index = next++;
      await publish(requests[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY) }, lane));
  const refused = refusals.filter((r): r is PublishedSnapshot['refused'][number] => r !== undefined);
  writeFileSync(
    join(options.out, 'index.json'),
    JSON.stringify(
      { programId: options.programId, publishedAt, publicKey: options.key.publicKey, files, refused: refused.length },
      null,
      2,
    ),
  );
  return { files, refused, publicKey: options.key.publicKey };
}
