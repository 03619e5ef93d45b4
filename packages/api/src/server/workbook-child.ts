import { Writable } from 'node:stream';
import { WORKBOOK_JOBS, WORKBOOK_STREAMS, type WorkbookJobs, type WorkbookStreams } from './workbook-jobs';

/**
 * The workbook process (workbook-process.ts): runs each job its parent sends and answers it with
 * one message; a streamed workbook sends its bytes as messages of their own, ahead of the answer to
 * the call that wrote them. Ends when the parent lets it go or is gone.
 */
type Request =
  | { id: number; job: keyof WorkbookJobs; args: unknown[] }
  | { id: number; open: keyof WorkbookStreams; args: unknown[] }
  | { id: number; stream: number; call: string; args: unknown[] }
  | { stream: number; abort: true };

type Methods = Record<string, (...args: unknown[]) => Promise<unknown>>;

const streams = new Map<number, { methods: Methods; output: Writable }>();

function answer(id: number, work: () => unknown): void {
  Promise.resolve()
    .then(work)
    .then(
      (value) => process.send!({ id, value }),
      (error: Error) => process.send!({ id, error: { name: error.constructor.name, message: error.message } }),
    );
}

/** An output whose bytes go to the parent, each write done once its message has been handed over. */
function toParent(stream: number): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      process.send!({ stream, chunk }, undefined, undefined, (error) => done(error ?? null));
    },
  });
}

process.on('message', (message: Request) => {
  if ('abort' in message) {
    streams.get(message.stream)?.output.destroy();
    streams.delete(message.stream);
  } else if ('job' in message) {
    const run = WORKBOOK_JOBS[message.job] as (...args: unknown[]) => unknown;
    answer(message.id, () => run(...message.args));
  } else if ('open' in message) {
    const open = WORKBOOK_STREAMS[message.open] as unknown as (output: Writable, ...args: unknown[]) => Promise<Methods>;
    const output = toParent(message.id);
    answer(message.id, async () => {
      streams.set(message.id, { methods: await open(output, ...message.args), output });
      return null;
    });
  } else {
    const { stream, call, args } = message;
    answer(message.id, async () => {
      const open = streams.get(stream);
      if (!open) throw new Error(`no workbook stream ${stream}`);
      const value = await open.methods[call]!(...args);
      if (call === 'end') streams.delete(stream);
      return value ?? null;
    });
  }
});
process.on('disconnect', () => process.exit(0));
