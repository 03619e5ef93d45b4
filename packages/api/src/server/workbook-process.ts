import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { UnreadableFileError } from '../imports/import.file';
import type { WorkbookJobs, WorkbookStreams } from './workbook-jobs';

/**
 * Workbooks are made and read in a process of their own. ExcelJS takes about 28 MB of RSS when it
 * loads and kept some 50 MB more after 57 filed reports, which the server process never gave back
 * (not even from a worker thread, once it had ended); a process that ends gives back all of it. The
 * process starts with the first job, serves the jobs that follow, and ends once it has had none for
 * `idleMs` (docs/PERFORMANCE.md).
 */
export const WORKBOOK_PROCESS_IDLE_MS = 10_000;

/** Errors a job throws on purpose, re-made as their own class on this side. */
const KNOWN_ERRORS: Record<string, new (message: string) => Error> = { UnreadableFileError };

type Args<K extends keyof WorkbookJobs> = Parameters<WorkbookJobs[K]>;
type Result<K extends keyof WorkbookJobs> = Awaited<ReturnType<WorkbookJobs[K]>>;
type StreamArgs<K extends keyof WorkbookStreams> = Parameters<WorkbookStreams[K]> extends [Writable, ...infer A] ? A : never;
type StreamMethods<K extends keyof WorkbookStreams> = Awaited<ReturnType<WorkbookStreams[K]>>;

/** A streamed workbook open in the workbook process. */
export interface WorkbookStream<K extends keyof WorkbookStreams> {
  /** Calls one of the workbook's methods there; bytes it wrote have reached `onBytes` when this settles. */
  call<M extends keyof StreamMethods<K> & string>(
    method: M,
    ...args: StreamMethods<K>[M] extends (...args: infer A) => unknown ? A : never
  ): Promise<void>;
  /** Drops the workbook unfinished (the download it fed was cut off). */
  abort(): void;
}

type Answer = { id: number; value?: unknown; error?: { name: string; message: string } } | { stream: number; chunk: Uint8Array };

/** Structured clone gives back a Buffer as a plain Uint8Array. */
const asBuffer = (value: unknown) => (value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value);

/** The child's script: built beside this module; from the sources (tests), the build's. */
function childScript(): string {
  return __filename.endsWith('.ts') ? join(__dirname, '../../dist/server/workbook-child.js') : join(__dirname, 'workbook-child.js');
}

export class WorkbookProcess {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** Open streamed workbooks, each with where its bytes go. */
  private readonly streams = new Map<number, (bytes: Buffer) => void>();
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly idleMs = WORKBOOK_PROCESS_IDLE_MS) {}

  /** The process's id while it runs (for tests and logs). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  run<K extends keyof WorkbookJobs>(job: K, ...args: Args<K>): Promise<Result<K>> {
    return this.request((id) => ({ id, job, args })) as Promise<Result<K>>;
  }

  /**
   * Opens a streamed workbook there; its bytes come to `onBytes` in order. The process stays while
   * the workbook is open: end it with a call to its `end`, or `abort()`.
   */
  async open<K extends keyof WorkbookStreams>(
    name: K,
    onBytes: (bytes: Buffer) => void,
    ...args: StreamArgs<K>
  ): Promise<WorkbookStream<K>> {
    let stream = 0;
    await this.request((id) => {
      stream = id;
      this.streams.set(id, onBytes);
      return { id, open: name, args };
    }).catch((error: unknown) => {
      this.closed(stream);
      throw error;
    });
    return {
      call: async (method, ...args) => {
        if (!this.streams.has(stream)) throw new Error('the workbook stream is closed');
        try {
          await this.request((id) => ({ id, stream, call: method, args }));
        } finally {
          if (method === 'end') this.closed(stream);
        }
      },
      abort: () => {
        if (!this.streams.has(stream)) return;
        this.child?.send({ stream, abort: true });
        this.closed(stream);
      },
    };
  }

  private request(message: (id: number) => object): Promise<unknown> {
    const child = this.started();
    const id = this.nextId++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    // While a job is out, the process keeps this one alive; idle, it does not.
    child.ref();
    child.channel?.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      child.send(message(id));
    });
  }

  private closed(stream: number): void {
    this.streams.delete(stream);
    if (this.idle()) this.whenIdle();
  }

  /** Ends the process now; jobs still out are refused. */
  stop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const child = this.child;
    this.child = null;
    if (child?.connected) child.disconnect();
    this.refuseAll(new Error('the workbook process was stopped'));
  }

  private started(): ChildProcess {
    if (this.child) return this.child;
    // No options of this process's command line (an inspector's port, a heap limit) reach it.
    const child = fork(childScript(), [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (answer: Answer) => this.answered(answer));
    child.on('exit', (code, signal) => {
      // A process let go when idle ends after the next job may have started another: that job is not its.
      if (this.child !== child) return;
      this.child = null;
      this.refuseAll(new Error(`the workbook process ended (${signal ?? `exit code ${code}`})`));
    });
    this.child = child;
    return child;
  }

  private answered(answer: Answer): void {
    if ('chunk' in answer) {
      this.streams.get(answer.stream)?.(asBuffer(answer.chunk) as Buffer);
      return;
    }
    const waiting = this.pending.get(answer.id);
    if (!waiting) return;
    this.pending.delete(answer.id);
    if (answer.error) {
      const Known = KNOWN_ERRORS[answer.error.name];
      waiting.reject(Known ? new Known(answer.error.message) : new Error(`workbook job failed: ${answer.error.message}`));
    } else {
      waiting.resolve(asBuffer(answer.value));
    }
    if (this.idle()) this.whenIdle();
  }

  /** No job out and no workbook open. */
  private idle(): boolean {
    return this.pending.size === 0 && this.streams.size === 0;
  }

  private whenIdle(): void {
    const child = this.child;
    if (!child) return;
    child.unref();
    child.channel?.unref();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.idle() && this.child === child) this.stop();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private refuseAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.streams.clear();
  }
}

const shared = new WorkbookProcess();

/** Runs `job` in the server's workbook process. */
export function workbookJob<K extends keyof WorkbookJobs>(job: K, ...args: Args<K>): Promise<Result<K>> {
  return shared.run(job, ...args);
}

/** Opens a streamed workbook in the server's workbook process (`WorkbookProcess.open`). */
export function workbookStream<K extends keyof WorkbookStreams>(
  name: K,
  onBytes: (bytes: Buffer) => void,
  ...args: StreamArgs<K>
): Promise<WorkbookStream<K>> {
  return shared.open(name, onBytes, ...args);
}
