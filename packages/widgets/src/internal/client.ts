import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { PUBLIC_OPERATION_IDS, canonicalJson, signedText, snapshotPath, type ErrorReason, type SnapshotFile } from '@huhang/schema';

/**
 * Where a widget asks, and as whom: an embed key (public widgets) or a bearer token (admin widgets).
 * With `snapshot` (a base URL) and `snapshotKey` (the publisher's Ed25519 public key), public
 * widgets read signed files published by `npm run publish:snapshot` instead of the API.
 */
export interface Credentials {
  endpoint: string;
  key?: string;
  token?: string;
  snapshot?: string;
  snapshotKey?: string;
}

export type Document<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

/**
 * Why a request failed. `network`: no answer (offline, server down); the request may be retried as
 * is. `api`: the API refused it and says why in `code`, `reason` and, for bad input, `field`.
 */
export class ApiError extends Error {
  constructor(
    readonly kind: 'network' | 'api',
    message: string,
    readonly code: string = kind === 'network' ? 'NETWORK' : 'INTERNAL_SERVER_ERROR',
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get field(): string | undefined {
    return typeof this.extensions.field === 'string' ? this.extensions.field : undefined;
  }

  /** The API's reason, one of its `…ErrorReason` enums (packages/schema). */
  get reason(): ErrorReason | undefined {
    return typeof this.extensions.reason === 'string' ? (this.extensions.reason as ErrorReason) : undefined;
  }
}

interface GraphqlResponse<R> {
  data?: R | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Answers of queries kept for a short while, so that widgets on one page share one request. */
const shared = new Map<string, { at: number; answer: Promise<unknown> }>();
const SHARE_MS = 60_000;

function isQuery(text: string): boolean {
  return /^\s*(query|fragment)\b/.test(text);
}

/** The persisted id of a public operation, by the operation's name; none for others. */
function persistedId(query: string): string | undefined {
  const name = /^\s*query\s+(\w+)/.exec(query)?.[1];
  return name && name in PUBLIC_OPERATION_IDS ? PUBLIC_OPERATION_IDS[name as keyof typeof PUBLIC_OPERATION_IDS] : undefined;
}

/**
 * A public widget's query goes by GET with its persisted id alone, so that browsers and a CDN can keep
 * the answer (it carries an ETag); everything else is a POST with the document.
 */
function request(credentials: Credentials, query: string, variables: unknown): { url: string; init: RequestInit } {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (credentials.key) headers['x-huhang-key'] = credentials.key;
  if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
  const id = credentials.key && !credentials.token ? persistedId(query) : undefined;
  if (id) {
    const url = new URL(credentials.endpoint);
    url.searchParams.set('variables', JSON.stringify(variables ?? {}));
    url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } }));
    return { url: url.href, init: { method: 'GET', headers } };
  }
  headers['content-type'] = 'application/json';
  return { url: credentials.endpoint, init: { method: 'POST', headers, body: JSON.stringify({ query, variables }) } };
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A public operation's answer from a signed snapshot: the file for these exact variables, its
 * signature checked with the publisher's key. A file that is missing is NOT_FOUND; one whose
 * signature or content does not hold is SNAPSHOT_INVALID, and nothing of it is shown.
 */
async function fromSnapshot<R>(credentials: Credentials, id: string, variables: unknown, signal?: AbortSignal): Promise<R> {
  const invalid = (why: string) => new ApiError('api', `快照无效 (the published snapshot is not valid: ${why})`, 'SNAPSHOT_INVALID');
  if (!credentials.snapshotKey) throw invalid('no snapshot-key is set');
  if (!globalThis.crypto?.subtle) throw invalid('the page is not served over HTTPS, so its signature cannot be checked');
  const wanted = canonicalJson(variables ?? {});
  const base = credentials.snapshot!.endsWith('/') ? credentials.snapshot! : `${credentials.snapshot}/`;
  const url = new URL(snapshotPath(id, await sha256Hex(wanted)), new URL(base, document.baseURI)).href;
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'omit' });
  } catch (error) {
    throw new ApiError('network', (error as Error).message || 'network error');
  }
  if (response.status === 404) throw new ApiError('api', '这些数据尚未发布 (these figures have not been published)', 'NOT_FOUND');
  if (!response.ok) throw new ApiError(response.status >= 500 ? 'network' : 'api', `HTTP ${response.status}`);
  let file: SnapshotFile<R>;
  try {
    file = (await response.json()) as SnapshotFile<R>;
  } catch {
    throw invalid('not JSON');
  }
  if (file.operation !== id || canonicalJson(file.variables) !== wanted) throw invalid('it answers another question');
  let valid = false;
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64Url(credentials.snapshotKey), { name: 'Ed25519' }, false, ['verify']);
    valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64Url(file.signature), new TextEncoder().encode(signedText(file)));
  } catch {
    valid = false;
  }
  if (!valid) throw invalid('its signature does not match the key');
  return file.data;
}

async function send<R>(credentials: Credentials, query: string, variables: unknown, signal?: AbortSignal): Promise<R> {
  const snapshotId = credentials.snapshot && !credentials.token ? persistedId(query) : undefined;
  if (snapshotId) return fromSnapshot<R>(credentials, snapshotId, variables, signal);
  const { url, init } = request(credentials, query, variables);
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal, credentials: 'omit' });
  } catch (error) {
    throw new ApiError('network', (error as Error).message || 'network error');
  }
  let body: GraphqlResponse<R>;
  try {
    body = (await response.json()) as GraphqlResponse<R>;
  } catch {
    throw new ApiError(response.status >= 500 || response.status === 0 ? 'network' : 'api', `HTTP ${response.status}`);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError('api', first.message, String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), first.extensions ?? {});
  if (!body.data) throw new ApiError('api', `HTTP ${response.status}`);
  return body.data;
}

/**
 * Runs one GraphQL operation. Queries with the same credentials and variables share one request
 * and its answer for a minute; `fresh` asks again (retry, reload after a change).
 */
export function execute<R, V>(
  credentials: Credentials,
  document: Document<R, V>,
  variables: V,
  options: { fresh?: boolean; signal?: AbortSignal } = {},
): Promise<R> {
  const query = document.toString();
  if (!isQuery(query)) return send<R>(credentials, query, variables, options.signal);
  const cacheKey = JSON.stringify([
    credentials.endpoint,
    credentials.key ?? '',
    credentials.token ?? '',
    credentials.snapshot ?? '',
    query,
    variables,
  ]);
  const hit = shared.get(cacheKey);
  if (hit && !options.fresh && Date.now() - hit.at < SHARE_MS) return hit.answer as Promise<R>;
  const answer = send<R>(credentials, query, variables);
  shared.set(cacheKey, { at: Date.now(), answer });
  answer.catch(() => {
    if (shared.get(cacheKey)?.answer === answer) shared.delete(cacheKey);
  });
  return answer;
}

/** Forgets shared answers, e.g. after a write that changes what lists show. */
export function forgetSharedAnswers(): void {
  shared.clear();
}
