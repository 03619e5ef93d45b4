import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { UnreadableFileError } from '../imports/import.file';
import type { WorkbookJobs } from './workbook-jobs';

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

interface Answer {
  id: number;
  value?: unknown;
  error?: { name: string; message: string };
}

/** The child's script: built beside this module; from the sources (tests), the build's. */
function childScript(): string {
  return __filename.endsWith('.ts') ? join(__dirname, '../../dist/server/workbook-child.js') : join(__dirname, 'workbook-child.js');
}

export class WorkbookProcess {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly idleMs = WORKBOOK_PROCESS_IDLE_MS) {}

  /** The process's id while it runs (for tests and logs). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  run<K extends keyof WorkbookJobs>(job: K, ...args: Args<K>): Promise<Result<K>> {
    const child = this.started();
    const id = this.nextId++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    // While a job is out, the process keeps this one alive; idle, it does not.
    child.ref();
    child.channel?.ref();
    return new Promise<Result<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, job, args });
    });
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
      if (this.child === child) this.child = null;
      this.refuseAll(new Error(`the workbook process ended (${signal ?? `exit code ${code}`})`));
    });
    this.child = child;
    return child;
  }

  private answered(answer: Answer): void {
    const waiting = this.pending.get(answer.id);
    if (!waiting) return;
    this.pending.delete(answer.id);
    if (answer.error) {
      const Known = KNOWN_ERRORS[answer.error.name];
      waiting.reject(Known ? new Known(answer.error.message) : new Error(`workbook job failed: ${answer.error.message}`));
    } else {
      // Structured clone gives back a Buffer as a plain Uint8Array.
      waiting.resolve(
        answer.value instanceof Uint8Array
          ? Buffer.from(answer.value.buffer, answer.value.byteOffset, answer.value.byteLength)
          : answer.value,
      );
    }
    if (this.pending.size === 0) this.whenIdle();
  }

  private whenIdle(): void {
    const child = this.child;
    if (!child) return;
    child.unref();
    child.channel?.unref();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.pending.size === 0 && this.child === child) this.stop();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private refuseAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

const shared = new WorkbookProcess();

/** Runs `job` in the server's workbook process. */
export function workbookJob<K extends keyof WorkbookJobs>(job: K, ...args: Args<K>): Promise<Result<K>> {
  return shared.run(job, ...args);
}
