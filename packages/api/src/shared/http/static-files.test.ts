import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { serveStatic } from './static-files';

const BUNDLE = 'customElements.define("huhang-x", class extends HTMLElement {});\n'.repeat(50);

let root: string;
let server: Server;
let base: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'huhang-static-'));
  await mkdir(join(root, 'chunks'));
  await writeFile(join(root, 'huhang.js'), BUNDLE);
  await writeFile(join(root, 'huhang.js.gz'), gzipSync(BUNDLE));
  await writeFile(join(root, 'huhang.js.br'), brotliCompressSync(BUNDLE));
  await writeFile(join(root, 'chunks', 'chunk-2RSHGCKI.js'), 'export const x = 1;\n');
  server = createServer((req, res) => {
    void serveStatic({ path: '/widgets/', root }, req, res).then((served) => {
      if (!served) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/widgets`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(root, { recursive: true, force: true });
});

/** A raw GET (fetch would decompress and hide the encoding). */
async function get(path: string, headers: Record<string, string> = {}) {
  const { request } = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('static files', () => {
  it('sends the precompressed sibling the client accepts, brotli first, with its own ETag', async () => {
    const brotli = await get('/huhang.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toBe('Accept-Encoding');
    expect(Number(brotli.headers['content-length'])).toBeLessThan(BUNDLE.length / 5);
    const gzip = await get('/huhang.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(BUNDLE);
    const plain = await get('/huhang.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(BUNDLE);
    const etags = new Set([brotli.headers.etag, gzip.headers.etag, plain.headers.etag]);
    expect(etags.size).toBe(3);
  });

  it('answers a revalidation with 304 and no body; a stable name is revalidated, a hashed one kept a year', async () => {
    const first = await get('/huhang.js', { 'accept-encoding': 'br' });
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await get('/huhang.js', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Another encoding is another representation: its ETag does not match.
    expect((await get('/huhang.js', { 'if-none-match': String(first.headers.etag) })).status).toBe(200);
    const chunk = await get('/chunks/chunk-2RSHGCKI.js');
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('changes the ETag when the file changes', async () => {
    const before = await get('/huhang.js');
    await writeFile(join(root, 'huhang.js'), `${BUNDLE}// changed\n`);
    const after = await get('/huhang.js');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await get('/huhang.js', { 'if-none-match': String(before.headers.etag) })).status).toBe(200);
  });
});
