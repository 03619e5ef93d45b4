import type { Client, PoolClient } from 'pg';
import type { TeamType } from '../teams/team.entity';
import { addDays, daysBetween, windowStart } from '../shared/time/calendar';
import { BulkWriter } from './bulk-writer';
import { Random } from './random';
import type { ArticleFigures, DemoProgram } from './weng-an';
import type { DemoTotals } from './generator';

export type Db = Client | PoolClient;

/** An enterprise as the later phases need it: where it is and while it counts. */
export interface EnterpriseInfo {
  id: number;
  zoneId: number;
  joinedOn: string;
  archivedOn: string | null;
  hazardous: boolean;
}

/** One officer's span of looking after an enterprise. */
export interface LiaisonSpan {
  officerId: number;
  from: string;
  to: string | null;
}

/**
 * What one run of the demo generator shares between its phases: the settings, the random source,
 * the writer, the totals it promises, and the ids each phase writes for the phases after it.
 */
export class DemoRun {
  /** The phase being written, for the progress report. */
  phase = 'setup';
  readonly writer: BulkWriter;
  readonly random: Random;
  readonly enterpriseCount: number;
  readonly officerCount: number;
  readonly monthCount: number;
  /** First and last day of the data (Asia/Shanghai). */
  readonly start: string;
  readonly end: string;

  // Written by the structure phases.
  programId = 0;
  parkId = 0;
  zoneIds: number[] = [];
  unitIds = new Map<string, number>();
  /** Stations and workstations: the units that answer incidents and serve requests. */
  frontlineUnits: number[] = [];
  branchIds: number[] = [];
  officerIds: number[] = [];
  enterprises: EnterpriseInfo[] = [];
  officerOn = new Map<number, LiaisonSpan[]>();
  teamIds = {} as Record<TeamType, number>;

  // Written by the field-work phases.
  months: string[] = [];
  visitIds: Array<{ id: number; enterprise: EnterpriseInfo; day: string; officerId: number }> = [];
  patrolsWithHazard: Array<{ id: number; day: string; zoneId: number }> = [];

  constructor(
    readonly db: Db,
    readonly def: DemoProgram,
    readonly figures: ArticleFigures,
    readonly totals: DemoTotals,
    settings: { seed: number; enterpriseCount: number; officerCount: number; monthCount: number; end: string },
    expectedRows: number,
    onProgress?: (progress: { phase: string; rows: number; expectedRows: number }) => void,
  ) {
    this.enterpriseCount = settings.enterpriseCount;
    this.officerCount = settings.officerCount;
    this.monthCount = settings.monthCount;
    this.end = settings.end;
    this.start = windowStart(settings.end, settings.monthCount);
    this.random = new Random(settings.seed);
    this.writer = new BulkWriter(db, () => onProgress?.({ phase: this.phase, rows: this.writer.written, expectedRows }));
  }

  /** A day between `from` and `to`, both included. */
  readonly randomDay = (from = this.start, to = this.end): string => addDays(from, this.random.int(0, daysBetween(from, to)));

  /** Runs an INSERT … RETURNING id and gives the id. */
  readonly one = async (sql: string, params: unknown[]): Promise<number> => (await this.db.query<{ id: number }>(sql, params)).rows[0]!.id;

  /** The enterprise's liaison officer on `day`. */
  readonly officerAt = (enterpriseId: number, day: string): number => {
    const spans = this.officerOn.get(enterpriseId)!;
    return (spans.find((span) => span.from <= day && (span.to === null || day <= span.to)) ?? spans.at(-1)!).officerId;
  };

  /** Whether the enterprise counts on `day`: joined, and not yet archived. */
  readonly activeOn = (enterprise: EnterpriseInfo, day: string): boolean =>
    enterprise.joinedOn <= day && (enterprise.archivedOn === null || day < enterprise.archivedOn);
}
