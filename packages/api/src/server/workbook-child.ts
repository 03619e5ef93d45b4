import { WORKBOOK_JOBS, type WorkbookJobs } from './workbook-jobs';

/**
 * The workbook process (workbook-process.ts): runs each job its parent sends, one message each way,
 * and ends when the parent lets it go or is gone.
 */
interface Job {
  id: number;
  job: keyof WorkbookJobs;
  args: unknown[];
}

process.on('message', (message: Job) => {
  const run = WORKBOOK_JOBS[message.job] as (...args: unknown[]) => unknown;
  Promise.resolve()
    .then(() => run(...message.args))
    .then(
      (value) => process.send!({ id: message.id, value }),
      (error: Error) => process.send!({ id: message.id, error: { name: error.constructor.name, message: error.message } }),
    );
});
process.on('disconnect', () => process.exit(0));
