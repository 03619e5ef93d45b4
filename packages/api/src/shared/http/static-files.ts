import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/** Precompressed siblings the build writes (`huhang.js.br`, `huhang.js.gz`), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** A file name that carries its content hash (`chunk-2RSHGCKI.js`): its content never changes. */
const HASHED = /-[A-Z0-9]{8}\.(?:js|css|mjs)$/;

/** A folder served under a path: `{ path: '/widgets/', root: 'packages/widgets/dist' }`. */
export interface StaticMount {
  path: string;
  root: string;
}

/** Content hashes by file, kept while the file's size and modification time stay the same. */
const etags = new Map<string, { size: number; mtimeMs: number; etag: string }>();

async function etagOf(file: string, info: { size: number; mtimeMs: number }): Promise<string> {
  const known = etags.get(file);
  if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known.etag;
  const etag = `"${createHash('sha256')
    .update(await readFile(file))
    .digest('base64url')
    .slice(0, 27)}"`;
  etags.set(file, { size: info.size, mtimeMs: info.mtimeMs, etag });
  return etag;
}

/** The precompressed sibling the client accepts, if the build wrote one. */
async function encodedSibling(file: string, acceptEncoding: string): Promise<{ name: string; path: string; size: number } | null> {
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => q?.trim() !== 'q=0')
      .map(([name]) => name!.trim().toLowerCase()),
  );
  for (const encoding of ENCODINGS) {
    if (!accepted.has(encoding.name)) continue;
    const sibling = await stat(file + encoding.suffix).catch(() => null);
    if (sibling?.isFile()) return { name: encoding.name, path: file + encoding.suffix, size: sibling.size };
  }
  return null;
}

function ifNoneMatch(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/**
 * Serves files below `mount.root` for GET and HEAD under `mount.path`; answers false when the path is
 * not a file there. Files may be loaded by pages of any origin: a portal's `<script type="module">`
 * fetches the widget bundle with CORS. Every file has a strong ETag (a revalidation costs a 304);
 * names that carry a content hash are cached for a year as immutable; the precompressed `.br` or
 * `.gz` sibling is sent to a client that accepts it.
 */
export async function serveStatic(mount: StaticMount, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const root = mount.root;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return false;
  }
  if (!pathname.startsWith(mount.path)) return false;
  pathname = pathname.slice(mount.path.length - 1);
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = normalize(join(root, pathname));
  if (file !== root && !file.startsWith(root + sep)) return false;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  const encoded = await encodedSibling(file, String(req.headers['accept-encoding'] ?? ''));
  // Each representation has its own strong validator: the content's hash, tagged with the encoding.
  const hash = await etagOf(file, info);
  const etag = encoded ? `${hash.slice(0, -1)}-${encoded.name}"` : hash;
  const headers: Record<string, string | number> = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': HASHED.test(basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
    'access-control-allow-origin': '*',
  };
  if (ifNoneMatch(req, etag)) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  if (encoded) headers['content-encoding'] = encoded.name;
  headers['content-length'] = encoded?.size ?? info.size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else createReadStream(encoded?.path ?? file).pipe(res);
  return true;
}
