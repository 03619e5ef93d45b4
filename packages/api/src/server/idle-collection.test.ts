import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../shared/db/database';
import {
  DEFAULT_IDLE_COLLECTION_SECONDS,
  DEFAULT_IDLE_FULL_COLLECTION_SECONDS,
  collectWhenIdle,
  idleCollectionTimes,
  type IdleCollection,
} from './idle-collection';

const run = promisify(execFile);
const youngSeconds = (env: Record<string, string>) => idleCollectionTimes(env).young;
const fullSeconds = (env: Record<string, string>) => idleCollectionTimes(env).full;

describe('HUHANG_IDLE_GC_SECONDS', () => {
  it('is 10 when unset, nothing when off, and the number given', () => {
    expect(DEFAULT_IDLE_COLLECTION_SECONDS).toBe(10);
    expect(youngSeconds({})).toBe(10);
    expect(youngSeconds({ HUHANG_IDLE_GC_SECONDS: '' })).toBe(10);
    expect(youngSeconds({ HUHANG_IDLE_GC_SECONDS: 'off' })).toBeNull();
    expect(youngSeconds({ HUHANG_IDLE_GC_SECONDS: '30' })).toBe(30);
  });

  it.each(['0', '3601', '1.5', 'soon', '-5'])('refuses %s, naming the variable', (text) => {
    expect(() => youngSeconds({ HUHANG_IDLE_GC_SECONDS: text })).toThrow(
      `HUHANG_IDLE_GC_SECONDS must be a whole number of seconds from 1 to 3600, or off; it is "${text}"`,
    );
  });
});

interface Seen {
  /** ms since the script started */
  at: number;
  event: string;
  collection?: IdleCollection;
}

describe('HUHANG_IDLE_FULL_GC_SECONDS', () => {
  it('is 60 when unset, nothing when off, and the number given', () => {
    expect(DEFAULT_IDLE_FULL_COLLECTION_SECONDS).toBe(60);
    expect(fullSeconds({})).toBe(60);
    expect(fullSeconds({ HUHANG_IDLE_FULL_GC_SECONDS: 'off' })).toBeNull();
    expect(fullSeconds({ HUHANG_IDLE_FULL_GC_SECONDS: '86400' })).toBe(86400);
  });

  it.each(['0', '86401', '2.5', 'later'])('refuses %s, naming the variable', (text) => {
    expect(() => fullSeconds({ HUHANG_IDLE_FULL_GC_SECONDS: text })).toThrow(
      `HUHANG_IDLE_FULL_GC_SECONDS must be a whole number of seconds from 1 to 86400, or off; it is "${text}"`,
    );
  });
});

describe('collectWhenIdle', () => {
  it('watches nothing when both settings are off, and stops watching when told', () => {
    const http = createServer();
    const stopOff = collectWhenIdle(http, { young: null, full: null });
    expect(http.listenerCount('request')).toBe(0);
    stopOff();
    const stop = collectWhenIdle(http, { young: null, full: 60 });
    expect(http.listenerCount('request')).toBe(1);
    stop();
    expect(http.listenerCount('request')).toBe(0);
  });
});

describe('collections when the server is idle', () => {
  // A real HTTP server in a process of its own, with a 1 s lull: /work makes 4 million objects, each
  // alive while the next 200,000 are made (the young generation grows), /slow answers after 2.5 s, /healthz at once.
  // The script asks for /work, then /slow while /healthz is asked every 300 ms (until 2 s after /slow), and prints what
  // happened when, as JSON lines, until the server has been idle for 11 s. Young collections come
  // after 1 s of a lull, the full one after 9 s.
  const script = `
    const { createServer } = require('node:http');
    const { collectWhenIdle } = require(${JSON.stringify(join(repoRoot(), 'packages/api/dist/server/idle-collection.js'))});
    const t0 = performance.now();
    const seen = (event, collection) => console.log(JSON.stringify({ at: Math.round(performance.now() - t0), event, collection }));
    const server = createServer((req, res) => {
      if (req.url === '/work') {
        // The last 200,000 objects stay alive, as a load's requests in flight do: they survive young
        // collections, which is what makes V8 grow the young generation.
        const inFlight = new Array(200_000);
        for (let i = 0; i < 4_000_000; i++) inFlight[i % inFlight.length] = { i };
        return res.end(String(inFlight.length));
      }
      if (req.url === '/slow') {
        // The lull begins when the server has answered, which the client may hear of much later
        // on a busy machine: the server's own moment is the one to measure from.
        res.once('close', () => seen('slow answered'));
        return setTimeout(() => res.end('slow'), 2500);
      }
      res.end('ok');
    });
    server.listen(0, '127.0.0.1', async () => {
      collectWhenIdle(server, { young: 1, full: 9 }, (collection) => seen('collected', collection));
      const url = 'http://127.0.0.1:' + server.address().port;
      await (await fetch(url + '/work')).text();
      seen('work done');
      // Collections wait for the lull to begin again after these.
      const checks = setInterval(() => fetch(url + '/healthz').then((r) => r.text()), 300);
      seen('slow asked');
      await (await fetch(url + '/slow')).text();
      seen('slow done');
      // The checks go on past the first young collection, then stop: fetch allocates enough in this
      // process for V8 to count the lull as busy, which a server's own lull is not.
      setTimeout(() => clearInterval(checks), 2000);
      setTimeout(() => { seen('end'); process.exit(0); }, 11000);
    });`;

  it('collects the young generation 1 s and 7 s after the last request and all of the heap after 9 s, never during a request', async () => {
    const { stdout } = await run(process.execPath, ['-e', script], { timeout: 60_000 });
    const events = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Seen);
    const at = (event: string) => events.find((e) => e.event === event)!.at;
    const collections = events.filter((e) => e.event === 'collected');
    try {
      // The /work request comes before the first lull after the start is over: no collection until
      // 1 s after /slow has been answered, health checks notwithstanding.
      expect(collections.map((c) => c.collection!.kind)).toEqual(['young', 'young', 'full']);
      const [first, second, full] = collections as [Seen, Seen, Seen];
      // Times are whole milliseconds, so each lower bound allows 2 ms of rounding; the upper
      // bounds allow for a busy machine.
      const answered = at('slow answered');
      expect(first.at).toBeGreaterThanOrEqual(answered + 1000 - 2);
      expect(first.at).toBeLessThan(answered + 2500);
      // Each step counts from the start of the lull, so a late first one does not delay the second.
      expect(second.at).toBeGreaterThanOrEqual(answered + 7000 - 2);
      expect(second.at).toBeLessThan(answered + 8500);
      expect(full.at).toBeGreaterThanOrEqual(answered + 9000 - 2);
      expect(full.at).toBeLessThan(answered + 10_500);
      // /work let the young generation grow from its 1 MB at the start (to 32 MB here); the second
      // young collection, after 6 s without allocation, gives most of it back (to 1 MB here). With the
      // two 1 s apart it keeps all of it.
      expect(first.collection!.youngBefore).toBeGreaterThanOrEqual(8 * 1048576);
      expect(second.collection!.youngAfter).toBeLessThanOrEqual(second.collection!.youngBefore / 4);
      expect(second.collection!.heapAfter).toBeLessThan(first.collection!.heapBefore);
      // What /work's objects left in the old generation goes at the full collection.
      expect(full.collection!.heapAfter).toBeLessThan(full.collection!.heapBefore);
    } catch (error) {
      // A failure on a busy machine is read with everything the server saw, in order.
      (error as Error).message += `\n\nWhat the server printed:\n${stdout}`;
      throw error;
    }
  }, 90_000);
});
