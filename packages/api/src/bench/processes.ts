import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { repoRoot } from '../shared/db/database';

/** The servers a benchmark measures, each in a process of its own. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Started {
  name: string;
  child: ChildProcess;
  url: string;
}

/** Starts a server process and waits for the line that says it listens. */
export async function start(name: string, args: string[], vars: Record<string, string>, ready: RegExp, cwd = repoRoot()): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...vars, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output}`)), 120_000);
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        // From here on its output (a request log) is read and dropped, not kept.
        child.stdout!.off('data', seen);
        child.stdout!.on('data', () => undefined);
        resolve();
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', (chunk: Buffer) => (output.length < 100_000 ? (output += chunk.toString()) : undefined));
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${output}`)));
  });
  return { name, child, url: `http://127.0.0.1:${port}` };
}

/** Ends a started process and resolves once it has exited (its pipes closed with it). */
export async function stop(started: Started | undefined): Promise<void> {
  const child = started?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/**
 * BENCH_SETTLE_SECONDS: when to read the memory again, in seconds after the run, as a list: 30 for
 * the API's young collections (10 s and 16 s into a lull), 70 for its full one (60 s); 0 reads none.
 */
export function settleSeconds(text: string): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isSafeInteger(value) || value < 0)) {
    throw new Error(`BENCH_SETTLE_SECONDS must be whole numbers of seconds, separated by commas; it is "${text}"`);
  }
  return values.filter((value) => value > 0).sort((a, b) => a - b);
}

/** A process's resident memory now (`VmRSS`), or the most it has held since it started (`VmHWM`). */
export function rssMb(child: ChildProcess, which: 'now' | 'peak' = 'now'): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const field = which === 'now' ? /VmRSS:\s+(\d+)/ : /VmHWM:\s+(\d+)/;
  return Number(field.exec(status)?.[1] ?? 0) / 1024;
}

/** One GraphQL request; its data, or an error naming the server and what it said. */
export async function graphql<T = Record<string, unknown>>(url: string, query: string, variables: unknown, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  return body.data as T;
}
