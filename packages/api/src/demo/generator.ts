import { todayInShanghai } from '../shared/time/calendar';
import { WENG_AN, type ArticleFigures, type DemoProgram } from './weng-an';
import { type Db, DemoRun } from './run';
import { writeCommitments, writeLiaisons, writeTeams } from './phases/organisation';
import { writeDisputes, writeIncidents, writeServiceRequests } from './phases/cases';
import { writeEngagements, writeRecognitions } from './phases/engagements';
import { writeEnterprises, writeOfficers, writeProgram } from './phases/structure';
import { writeHazards, writePatrols, writeVisits } from './phases/field-work';
import { writeWorkers } from './phases/workers';
import { writeBuilders } from './phases/builders';

export interface DemoOptions {
  /** Which program to write; Weng'an's by default. */
  program?: DemoProgram;
  /** PRNG seed; the same seed and options give the same data. */
  seed?: number;
  enterprises?: number;
  officers?: number;
  months?: number;
  /** Last day of the data (Asia/Shanghai); defaults to today. */
  endDate?: string;
  /** Rows written so far of those expected, by phase; `park` names the program's park when the demo writes several. */
  onProgress?: (progress: { phase: string; rows: number; expectedRows: number; park?: string }) => void;
}

/** The totals the generator promises for its options; tests compare them with the database. */
export interface DemoTotals {
  enterprises: number;
  officers: number;
  zones: number;
  policeUnits: number;
  teams: number;
  commitments: number;
  indicators: number;
  liaisonAssignments: number;
  visits: number;
  patrols: number;
  onSitePatrols: number;
  videoPatrols: number;
  patrolPersonTimes: number;
  hazardsFoundOnPatrol: number;
  suspiciousPersonsChecked: number;
  suspiciousVehiclesChecked: number;
  peopleAssisted: number;
  hazards: number;
  disputes: number;
  disputesResolved: number;
  escalationRisks: number;
  escalationRisksDefused: number;
  incidents: number;
  serviceRequests: number;
  problemsSolved: number;
  engagements: number;
  trainings: number;
  analysisMeetings: number;
  recognitions: number;
  pennants: number;
  /** Workers registered on site on the last day, and the wages recovered for workers (yuan). */
  workersRegistered: number;
  wagesRecovered: number;
}

export const DEFAULT_DEMO = { seed: 1131, enterprises: 60, officers: 25, months: 12 } as const;

/** A program's figures scale with enterprises × months relative to its baseline (Weng'an: 60 enterprises, 12 months). */
export function scaledFigures(enterprises: number, months: number, program: DemoProgram = WENG_AN): ArticleFigures {
  const factor = (enterprises / program.baseline.enterprises) * (months / program.baseline.months);
  const out = {} as ArticleFigures;
  for (const [key, value] of Object.entries(program.figures)) out[key as keyof ArticleFigures] = Math.max(1, Math.round(value * factor));
  // Defused risks cannot exceed the risks found, resolved disputes the disputes.
  out.escalationRisksDefused = Math.min(out.escalationRisksDefused, out.escalationRisks - (out.escalationRisks > 1 ? 1 : 0));
  out.disputesResolved = Math.min(out.disputesResolved, out.disputes);
  return out;
}

/** The phases in the order they run: each writes what the later ones refer to. */
const PHASES = [
  writeProgram,
  writeOfficers,
  writeEnterprises,
  writeLiaisons,
  writeTeams,
  writeCommitments,
  writeVisits,
  writePatrols,
  writeHazards,
  writeDisputes,
  writeIncidents,
  writeServiceRequests,
  writeEngagements,
  writeRecognitions,
  writeWorkers,
  writeBuilders,
];

/**
 * Writes a demo program (Weng'an's by default): one park, its zones and units, enterprises, officers, teams,
 * the thirteen commitments, and months of activity whose totals match the article's magnitudes.
 * Runs in one transaction. Returns what it wrote.
 */
export async function generateDemo(db: Db, options: DemoOptions = {}): Promise<DemoTotals> {
  const def = options.program ?? WENG_AN;
  const seed = options.seed ?? DEFAULT_DEMO.seed;
  const enterpriseCount = options.enterprises ?? def.baseline.enterprises;
  const officerCount = options.officers ?? Math.max(def.baseline.officers, Math.ceil(enterpriseCount / 2.4));
  const monthCount = options.months ?? def.baseline.months;
  const end = options.endDate ?? todayInShanghai();
  const figures = scaledFigures(enterpriseCount, monthCount, def);

  // Rough size of what is written, for the progress bar only.
  const expectedRows = Math.round(
    enterpriseCount * (monthCount * 1.35 + 6) +
      (figures.onSitePatrols + figures.videoPatrols) +
      figures.disputes * 2.5 +
      figures.problemsSolved * 1.05 +
      figures.pennants * 1.4 +
      // A construction sites program's worker registrations (实名制), written whole.
      (def.workers ? def.workers.gone + def.workers.present : 0),
  );
  const totals: DemoTotals = {
    enterprises: enterpriseCount,
    officers: officerCount,
    zones: def.zones.length,
    policeUnits: 0,
    teams: 3,
    commitments: def.commitments.length,
    indicators: 0,
    liaisonAssignments: 0,
    visits: 0,
    patrols: 0,
    onSitePatrols: figures.onSitePatrols,
    videoPatrols: figures.videoPatrols,
    patrolPersonTimes: figures.patrolPersonTimes,
    hazardsFoundOnPatrol: figures.hazardsFoundOnPatrol,
    suspiciousPersonsChecked: figures.suspiciousPersonsChecked,
    suspiciousVehiclesChecked: figures.suspiciousVehiclesChecked,
    peopleAssisted: figures.peopleAssisted,
    hazards: 0,
    disputes: figures.disputes,
    disputesResolved: figures.disputesResolved,
    escalationRisks: figures.escalationRisks,
    escalationRisksDefused: figures.escalationRisksDefused,
    incidents: 0,
    serviceRequests: 0,
    problemsSolved: figures.problemsSolved,
    engagements: 0,
    trainings: figures.trainings,
    analysisMeetings: figures.analysisMeetings,
    recognitions: 0,
    pennants: figures.pennants,
    workersRegistered: 0,
    wagesRecovered: 0,
  };
  const run = new DemoRun(
    db,
    def,
    figures,
    totals,
    { seed, enterpriseCount, officerCount, monthCount, end },
    expectedRows,
    options.onProgress,
  );
  for (const phase of PHASES) await phase(run);
  run.phase = 'done';
  options.onProgress?.({ phase: run.phase, rows: run.writer.written, expectedRows: run.writer.written });
  return totals;
}
