import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { IMPORT_COLUMNS } from '../imports/import.columns';
import { UnreadableFileError } from '../imports/import.file';
import { ImportKind } from '../imports/import.types';
import { repoRoot } from '../shared/db/database';
import { WorkbookProcess } from './workbook-process';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (test: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!test() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
  return test();
};

describe('the workbook process', () => {
  const workbooks = new WorkbookProcess(400);
  afterAll(() => workbooks.stop());

  it('makes and reads workbooks in a process of its own, one for the jobs that follow each other, and ends when idle', async () => {
    const columns = IMPORT_COLUMNS[ImportKind.ENTERPRISES];
    const template = await workbooks.run('templateXlsx', columns, '导入 Import');
    const first = workbooks.pid!;
    expect(first).not.toBe(process.pid);
    expect(Buffer.isBuffer(template)).toBe(true);
    expect(template.subarray(0, 2).toString()).toBe('PK');

    // The template read back: its header row is the columns' first names, its one row the example.
    const sheet = await workbooks.run('readXlsx', template);
    expect(workbooks.pid).toBe(first);
    expect(sheet.header).toEqual(columns.map((column) => column.headers[0]));
    expect(sheet.rows).toEqual([columns.map((column) => column.example)]);

    // A refusal comes back as its own class, with its words.
    const refused = workbooks.run('readXlsx', Buffer.from('PK\u0003\u0004 not a workbook'));
    await expect(refused).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(refused).rejects.toThrow('the file is not a readable .xlsx workbook');

    // 400 ms without a job: the process has ended; the next job starts another.
    expect(await until(() => !alive(first), 5000)).toBe(true);
    expect(workbooks.pid).toBeUndefined();
    await workbooks.run('templateXlsx', columns, 'again');
    expect(workbooks.pid).toBeDefined();
    expect(workbooks.pid).not.toBe(first);
  });

  it('answers a job asked for while the process it let go is still ending', async () => {
    const columns = IMPORT_COLUMNS[ImportKind.ENTERPRISES];
    await workbooks.run('templateXlsx', columns, 'first');
    const ending = workbooks.pid!;
    // As when the idle time runs out just before a job comes: the job starts another process, and
    // the end of the one let go, which comes while that job is out, does not refuse it.
    workbooks.stop();
    const template = await workbooks.run('templateXlsx', columns, 'next');
    expect(template.subarray(0, 2).toString()).toBe('PK');
    expect(workbooks.pid).not.toBe(ending);
    expect(alive(ending)).toBe(false);
  });

  it('writes a streamed workbook there, its bytes coming back in order as the rows go, and drops one cut off', async () => {
    const bytes: Buffer[] = [];
    const list = await workbooks.open('listWorkbook', (chunk) => bytes.push(chunk), ['名称 Name', '数量 Count'], '企业');
    const pid = workbooks.pid!;
    const rows = Array.from({ length: 3000 }, (_, i) => [`企业 ${i}`, i]);
    for (let from = 0; from < rows.length; from += 100) await list.call('rows', rows.slice(from, from + 100));
    // ExcelJS zips the sheet in blocks: bytes have come back before the workbook ends.
    expect(bytes.length).toBeGreaterThan(0);
    await list.call('end');
    const sheet = await workbooks.run('readXlsx', Buffer.concat(bytes));
    expect(sheet.header).toEqual(['名称 Name', '数量 Count']);
    expect(sheet.rows).toEqual(rows.map(([name, count]) => [name, String(count)]));
    await expect(list.call('rows', [['late', 1]])).rejects.toThrow('the workbook stream is closed');

    // An open workbook keeps the process past its idle time; one dropped lets it end.
    const cut = await workbooks.open('listWorkbook', () => undefined, ['x'], 'cut');
    await cut.call('rows', [['a']]);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(workbooks.pid).toBe(pid);
    cut.abort();
    expect(await until(() => !alive(pid), 5000)).toBe(true);
  });

  it('keeps ExcelJS out of the process that asks', async () => {
    // The built server's own modules, in a node process of their own (jest keeps a module registry of its own).
    const dist = join(repoRoot(), 'packages/api/dist');
    const script = `
      const { workbookJob, workbookStream } = require(${JSON.stringify(join(dist, 'server/workbook-process.js'))});
      const { IMPORT_COLUMNS } = require(${JSON.stringify(join(dist, 'imports/import.columns.js'))});
      (async () => {
        const body = await workbookJob('templateXlsx', IMPORT_COLUMNS.OFFICERS, 'x');
        let streamed = 0;
        const list = await workbookStream('listWorkbook', (bytes) => (streamed += bytes.length), ['a'], 'x');
        await list.call('rows', [['1'], ['2']]);
        await list.call('end');
        const loaded = Object.keys(require.cache).filter((file) => file.includes('/node_modules/exceljs/'));
        console.log(JSON.stringify({ bytes: body.length, streamed, loaded }));
      })();`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { timeout: 30_000 });
    const { bytes, streamed, loaded } = JSON.parse(stdout) as { bytes: number; streamed: number; loaded: string[] };
    expect(bytes).toBeGreaterThan(1000);
    expect(streamed).toBeGreaterThan(1000);
    expect(loaded).toEqual([]);
  });
});
