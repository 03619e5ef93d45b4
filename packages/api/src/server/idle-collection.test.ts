import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '../shared/db/database';
import {
  DEFAULT_IDLE_COLLECTION_SECONDS,
  DEFAULT_IDLE_FULL_COLLECTION_SECONDS,
  collectWhenIdle,
  idleCollectionTimes,
  type IdleCollection,
} from './idle-collection';

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
  /** ms since the server started */
  at: number;
  event: string;
  url?: string;
  port?: number;
  /** with its `startedAt` in ms since the server started */
  collection?: IdleCollection;
  /** the kind of a collection V8 ran */
  gc?: 'minor' | 'major' | 'other';
  ms?: number;
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
  // A real HTTP server in a process of its own that does nothing else: no client in it allocates and
  // makes V8 count its lull as busy. /work makes 4 million objects, each alive while the next 200,000
  // are made (the young generation grows), /slow answers after 2.5 s, /healthz at once. It prints
  // what happened when, on its own clock, as JSON lines. Young collections come 1 s into a lull, and
  // again at 7 s; the full one at 9 s.
  const script = `
    const { createServer } = require('node:http');
    const { collectWhenIdle } = require(${JSON.stringify(join(repoRoot(), 'packages/api/dist/server/idle-collection.js'))});
    const t0 = performance.now();
    const seen = (event, more) => console.log(JSON.stringify({ at: Math.round(performance.now() - t0), event, ...more }));
    const server = createServer((req, res) => {
      if (req.url === '/healthz') return res.end('ok');
      // A request is in flight from its arrival to the moment its answer has gone.
      seen('arrived', { url: req.url });
      res.once('close', () => seen('answered', { url: req.url }));
      if (req.url === '/work') {
        // The last 200,000 objects stay alive, as a load's requests in flight do: they survive young
        // collections, which is what makes V8 grow the young generation.
        const inFlight = new Array(200_000);
        for (let i = 0; i < 4_000_000; i++) inFlight[i % inFlight.length] = { i };
        return res.end(String(inFlight.length));
      }
      setTimeout(() => res.end('slow'), 2500);
    });
    // V8's own account of every collection it ran, whoever asked for it.
    const { PerformanceObserver, constants } = require('node:perf_hooks');
    const kinds = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major' };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        console.log(JSON.stringify({ at: Math.round(e.startTime - t0), event: 'gc', gc: kinds[e.detail.kind] ?? 'other', ms: e.duration }));
      }
    }).observe({ entryTypes: ['gc'] });
    server.listen(0, '127.0.0.1', () => {
      collectWhenIdle(server, { young: 1, full: 9 }, (collection) =>
        seen('collected', { collection: { ...collection, startedAt: Math.round(collection.startedAt - t0) } }),
      );
      seen('listening', { port: server.address().port });
    });`;

  /** Starts the server and gathers what it prints; `when` waits for one event, `stop` ends it. */
  function startServer() {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const events: Seen[] = [];
    const printed = () => events.map((e) => JSON.stringify(e)).join('\n');
    const waiting: { test: (e: Seen) => boolean; resolve: (e: Seen) => void }[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line) as Seen;
      events.push(event);
      for (const w of waiting.filter((w) => w.test(event))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(event);
      }
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    return {
      events,
      printed,
      /** The first event, printed already or printed within 20 s, that passes `test`. */
      when: (what: string, test: (e: Seen) => boolean) =>
        new Promise<Seen>((resolve, reject) => {
          const found = events.find(test);
          if (found) return resolve(found);
          const timer = setTimeout(
            () => reject(new Error(`The server did not print ${what} within 20 s. It printed:\n${printed()}`)),
            20_000,
          );
          waiting.push({ test, resolve: (e) => (clearTimeout(timer), resolve(e)) });
        }),
      stop: async () => {
        child.kill();
        await exited;
      },
    };
  }

  it('runs a young collection 1 s and 7 s after the last request and a full one after 9 s, never during a request', async () => {
    const server = startServer();
    let checks: NodeJS.Timeout | undefined;
    // Every check is awaited before the server stops: one still in flight when it is killed would
    // fail (ECONNRESET) after the test, and fail the test.
    const answers: Promise<string>[] = [];
    /**
     * V8's record of the collection that `c` asked for: one of the kind asked, begun while the call
     * that asked for it ran (both times are whole milliseconds: 1 ms either side for the rounding).
     */
    const ran = (c: Seen) => (e: Seen) =>
      e.event === 'gc' &&
      e.gc === (c.collection!.kind === 'young' ? 'minor' : 'major') &&
      e.at >= c.collection!.startedAt - 1 &&
      e.at <= c.collection!.startedAt + c.collection!.ms + 1;
    try {
      const { port } = await server.when('that it listens', (e) => e.event === 'listening');
      const url = `http://127.0.0.1:${port!}`;
      await (await fetch(`${url}/work`)).text();
      // A load balancer's checks every 300 ms from here on do not hold the collections back.
      checks = setInterval(() => answers.push(fetch(`${url}/healthz`).then((r) => r.text())), 300);
      await (await fetch(`${url}/slow`)).text();
      const full = await server.when('a full collection', (e) => e.collection?.kind === 'full');
      await server.when("V8's record of the full collection", ran(full));
    } finally {
      clearInterval(checks);
      await Promise.allSettled(answers);
      await server.stop();
    }
    // The checks, every 300 ms through a lull of more than 9 s, were answered while the server ran.
    expect(answers.length).toBeGreaterThan(20);
    expect(await Promise.all(answers)).toEqual(answers.map(() => 'ok'));
    const { events } = server;
    const served = (event: string, path: string) => events.find((e) => e.event === event && e.url === path)!.at;
    const answered = served('answered', '/slow');
    const during = (c: Seen, path: string) => c.at >= served('arrived', path) && c.at <= served('answered', path);
    const collections = events.filter((e) => e.event === 'collected');
    try {
      // None while a request is in flight. Before /work and between the two requests there may be
      // a lull (the first one after the start) on a busy machine; the one after /slow is the one
      // measured.
      expect(collections.filter((c) => during(c, '/work') || during(c, '/slow'))).toEqual([]);
      const lull = collections.filter((c) => c.at > answered);
      expect(lull.map((c) => c.collection!.kind)).toEqual(['young', 'young', 'full']);
      const [first, second, full] = lull as [Seen, Seen, Seen];
      // Times are whole milliseconds, so each lower bound allows 2 ms of rounding; the upper
      // bounds allow for a busy machine.
      expect(first.at).toBeGreaterThanOrEqual(answered + 1000 - 2);
      expect(first.at).toBeLessThan(answered + 2500);
      // Each step counts from the start of the lull, so a late first one does not delay the second.
      expect(second.at).toBeGreaterThanOrEqual(answered + 7000 - 2);
      expect(second.at).toBeLessThan(answered + 8500);
      expect(full.at).toBeGreaterThanOrEqual(answered + 9000 - 2);
      expect(full.at).toBeLessThan(answered + 10_500);
      // V8 ran each one, of the kind asked for. What each gives back is V8's to decide (the young
      // generation's unused pages, when it has seen little allocation for 5 s): bench:api measures
      // it (docs/PERFORMANCE.md).
      for (const c of lull) expect(events.filter(ran(c))).toHaveLength(1);
    } catch (error) {
      // A failure on a busy machine is read with everything the server printed, in order.
      (error as Error).message += `\n\nWhat the server printed:\n${server.printed()}`;
      throw error;
    }
  }, 90_000);
});
