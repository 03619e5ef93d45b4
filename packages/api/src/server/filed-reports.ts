import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from 'graphile-worker';
import { Pool } from 'pg';
import { Viewer } from '../access/viewer';
import { todayIn } from '../shared/time/calendar';
import { makeReportWorkbook, readReportPeriod, type ReportFileRoute } from './report-file';
import type { ReportLocale } from './report-workbook';

/**
 * Reports filed after each month's end (docs/decisions/0012-filed-reports.md): a job in the database
 * (graphile-worker) files, for every program and each of its parks, the reports the month's end
 * completes — the monthly report, after March, June, September and December the quarterly one, after
 * December the yearly one — in each language, as the system reads them (every figure in full). What
 * is filed stays as it was filed; a report filed already is not made again.
 */
export const FILED_LOCALES: readonly ReportLocale[] = ['zh-CN', 'zh-TW', 'en'];
export const FILE_REPORTS_TASK = 'file_reports';
/** Every day at 19:00 UTC, 03:00 in Beijing: the first run after a month's end files it, later ones find it filed. */
export const DEFAULT_REPORT_SCHEDULE = '0 19 * * *';

/** The periods whose last day is the last day of `month` (2026-12 → 2026-12, 2026-Q4, 2026). */
export function periodsCompletedBy(month: string): string[] {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const periods = [month];
  if (number % 3 === 0) periods.push(`${year}-Q${number / 3}`);
  if (number === 12) periods.push(String(year));
  return periods;
}

/** The month before the one `day` lies in (2026-01-15 → 2025-12). */
export function monthBefore(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export interface FilingResult {
  /** Reports made and filed by this run. */
  filed: number;
  /** Reports found filed already. */
  kept: number;
  /** Reports the API refused to make (a period before the program began), with its words. */
  refused: string[];
  /** The server began to stop before every report was looked at: the next run files the rest. */
  interrupted: boolean;
}

interface ProgramScopes {
  programs: { nodes: Array<{ id: string; databaseId: number; parks: { nodes: Array<{ id: string; databaseId: number }> } }> };
}

/**
 * Files what the last month's end completed in each program's own calendar (or `month` when given),
 * for the program and each of its parks, unless filed already.
 */
export async function fileReports(
  route: ReportFileRoute,
  orm: MikroORM<PostgreSqlDriver>,
  options: { now?: Date; month?: string; signal?: AbortSignal } = {},
): Promise<FilingResult> {
  const system = Viewer.system();
  const em = orm.em.fork();
  const answer = await route.run(system, {
    query: '{ programs(first: 100) { nodes { id databaseId parks(first: 100) { nodes { id databaseId } } } } }',
    variables: {},
  });
  if (answer.errors.length || !answer.data) throw new Error(`the programs could not be read: ${answer.errors[0]?.message ?? 'no data'}`);
  const zones = new Map(
    (await em.execute<Array<{ id: number; time_zone: string }>>('SELECT id, time_zone FROM program')).map((row) => [row.id, row.time_zone]),
  );
  const result: FilingResult = { filed: 0, kept: 0, refused: [], interrupted: false };
  for (const program of (answer.data as unknown as ProgramScopes).programs.nodes) {
    const month = options.month ?? monthBefore(todayIn(zones.get(program.databaseId) ?? 'Asia/Shanghai', options.now));
    const scopes = [{ kind: 'PROGRAM', ...program }, ...program.parks.nodes.map((park) => ({ kind: 'PARK', ...park }))];
    for (const scope of scopes) {
      for (const period of periodsCompletedBy(month)) {
        for (const locale of FILED_LOCALES) {
          // A stopping server finishes the report it is making and files no more.
          if (options.signal?.aborted) return { ...result, interrupted: true };
          const key = [scope.kind, scope.databaseId, period, locale];
          const [filed] = await em.execute<unknown[]>(
            'SELECT 1 FROM filed_report WHERE scope_kind = ? AND scope_id = ? AND period = ? AND locale = ?',
            key,
          );
          if (filed) {
            result.kept += 1;
            continue;
          }
          const made = await makeReportWorkbook(route, system, scope.id, readReportPeriod(period)!, locale);
          if (!made.ok) {
            result.refused.push(`${scope.kind} ${scope.databaseId} ${period} ${locale}: ${made.result.errors[0]?.message ?? 'no data'}`);
            continue;
          }
          // Another process filing the same report at the same moment: the first one stays.
          const inserted = await em.execute<unknown[]>(
            `INSERT INTO filed_report (scope_kind, scope_id, period, locale, title, body) VALUES (?, ?, ?, ?, ?, ?)
              ON CONFLICT ON CONSTRAINT filed_report_once DO NOTHING RETURNING id`,
            [...key, made.title, made.body],
          );
          if (inserted.length) result.filed += 1;
          else result.kept += 1;
        }
      }
    }
  }
  return result;
}

/**
 * graphile-worker, loaded where the queue is used (the start, and a server that files reports), not
 * by every process that serves requests.
 */
function graphileWorker(): typeof import('graphile-worker') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('graphile-worker') as typeof import('graphile-worker');
}

/** graphile-worker's own log: warnings and errors only, on the server's log. */
function workerLogger(log: (line: string) => void): Logger {
  return new (graphileWorker().Logger)(() => (level, message) => {
    if (level === 'error' || level === 'warning') log(`[reports] ${message}`);
  });
}

/** Installs or updates the job queue's schema (graphile_worker), as the database's owner. */
export async function migrateJobQueue(ownerUrl: string, log: (line: string) => void): Promise<void> {
  await graphileWorker().runMigrations({ connectionString: ownerUrl, logger: workerLogger(log) });
}

export interface ReportSchedule {
  stop(): Promise<void>;
}

/**
 * Runs the filing on `cron` (UTC), and once at start so that a server that was down at the hour
 * files what is missing. Several server processes may run it: the queue gives each job to one.
 */
export async function startReportSchedule(options: {
  connectionString: string;
  cron: string;
  /** Files the reports; `signal` is aborted when the schedule stops. */
  file: (signal: AbortSignal) => Promise<FilingResult>;
  log: (line: string) => void;
}): Promise<ReportSchedule> {
  const { log } = options;
  const stopping = new AbortController();
  // The queue's own pool, ended when the schedule stops (before the database does): a connection the
  // database ends meanwhile (a restart, an embedded server stopping) is logged, never thrown.
  const pool = new Pool({ connectionString: options.connectionString, max: 2 });
  pool.on('error', (error) => log(`[reports] a job queue connection ended: ${error.message}`));
  const { parseCronItems, run } = graphileWorker();
  const runner = await run({
    pgPool: pool,
    concurrency: 1,
    noHandleSignals: true,
    logger: workerLogger(log),
    taskList: {
      [FILE_REPORTS_TASK]: async () => {
        const result = await options.file(stopping.signal);
        if (result.filed || result.refused.length || result.interrupted)
          log(
            `[reports] filed ${result.filed}, ${result.kept} filed already${result.refused.length ? `, refused: ${result.refused.join('; ')}` : ''}${result.interrupted ? '; stopped before the rest (the next start files them)' : ''}`,
          );
      },
    },
    parsedCronItems: parseCronItems([{ task: FILE_REPORTS_TASK, match: options.cron, identifier: FILE_REPORTS_TASK }]),
  });
  await runner.addJob(FILE_REPORTS_TASK, {}, { jobKey: FILE_REPORTS_TASK, maxAttempts: 3 });
  // The running filing, if any, ends after its current report; the queue then lets go of its job.
  let stopped: Promise<void> | undefined;
  return {
    stop: () => {
      stopping.abort();
      stopped ??= runner.stop().finally(() => pool.end());
      return stopped;
    },
  };
}

/**
 * HUHANG_REPORT_SCHEDULE: a cron expression (UTC), `off` for no filing; every day at 03:00 Beijing
 * time unless set. The queue connects as the database's owner (`ownerUrl`).
 */
export function reportScheduleFromEnvironment(ownerUrl: string | undefined): { cron: string; queueUrl: string } | null {
  const value = process.env.HUHANG_REPORT_SCHEDULE?.trim();
  if (value === 'off' || !ownerUrl) return null;
  return { cron: value || DEFAULT_REPORT_SCHEDULE, queueUrl: ownerUrl };
}
