/**
 * Signed snapshots of the public figures (`npm run publish:snapshot`): the answers of the public
 * persisted operations, as JSON files a portal can host anywhere, each signed with the program's
 * Ed25519 key. The publisher (Node.js) and the widgets (a browser) agree on this format.
 *
 * A file lies at `<operation id>/<SHA-256 of canonicalJson(variables), hex>.json` under the snapshot's
 * base URL and holds a `SnapshotFile`; `signature` is Ed25519 over the UTF-8 bytes of
 * `canonicalJson({ operation, variables, publishedAt, data })`, base64url. The public key is given to
 * the widgets as base64url of its 32 raw bytes.
 */
export interface SnapshotFile<D = unknown> {
  operation: string;
  variables: Record<string, unknown>;
  publishedAt: string;
  data: D;
  signature: string;
}

/** JSON with the keys of every object in order and nothing undefined: the same text for the same value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** What is signed. */
export function signedText(file: Omit<SnapshotFile, 'signature'>): string {
  return canonicalJson({ operation: file.operation, variables: file.variables, publishedAt: file.publishedAt, data: file.data });
}

/** The file of an answer, relative to the snapshot's base: `<operation id>/<variables hash>.json`. */
export function snapshotPath(operation: string, variablesHash: string): string {
  return `${operation}/${variablesHash}.json`;
}
