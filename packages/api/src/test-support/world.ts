import type { MutationLog } from './mutations';
import { testCreditCode } from './mutations';

/** How much of a program a test needs, each stage including the ones before it. */
export type WorldStage = 'program' | 'park' | 'units' | 'officers' | 'enterprises' | 'assignments' | 'teams';

const STAGES: WorldStage[] = ['program', 'park', 'units', 'officers', 'enterprises', 'assignments', 'teams'];

/**
 * A program of one test's own, built through the API's mutations: one park with three zones, a
 * station, a workstation and a branch, two officers, two enterprises with their liaison officers,
 * a patrol team and a mediation team. Names that must be unique across programs (the program's,
 * badge numbers, credit codes) carry the world's number, so tests in one database never meet.
 */
export interface World {
  /** The world's number: unique within a test file's database. */
  n: number;
  program: string;
  programName: string;
  park: string;
  zones: { basic: string; circular: string; fine: string };
  station: string;
  workstation: string;
  branch: string;
  /** 王建国, of the station; looks after `enterprise2`. */
  officer: string;
  /** 李华, of the workstation; looks after `enterprise`. */
  officer2: string;
  badges: { officer: string; officer2: string };
  /** 磷都化工有限公司, in the fine-chemicals zone, since 2025-01-06. */
  enterprise: string;
  /** 瓮安新材料公司, in the circular zone, since 2025-02-01. */
  enterprise2: string;
  patrolTeam: string;
  mediationTeam: string;
}

let worlds = 0;

/** A unique number for names and codes within one test file (one database). */
export function nextWorldNumber(): number {
  worlds += 1;
  return worlds;
}

/** Builds a world up to `stage`; the fields of later stages are left empty. */
export async function buildWorld(m: MutationLog, stage: WorldStage = 'teams'): Promise<World> {
  const upTo = (wanted: WorldStage) => STAGES.indexOf(stage) >= STAGES.indexOf(wanted);
  const n = nextWorldNumber();
  const w = { n, badges: { officer: '', officer2: '' }, zones: { basic: '', circular: '', fine: '' } } as World;
  w.programName = `瓮安县“1131”护航机制 ${n}`;
  w.program = (await m.ok('createProgram', { name: w.programName, region: '瓮安县', bureau: '瓮安县公安局' })).id;
  if (!upTo('park')) return w;
  w.park = (await m.ok('createPark', { programId: w.program, name: '瓮安工业园区', level: '省级化工园区', region: '瓮安县' })).id;
  w.zones.basic = (await m.ok('createZone', { parkId: w.park, name: '基础工业园' })).id;
  w.zones.circular = (await m.ok('createZone', { parkId: w.park, name: '循环工业园' })).id;
  w.zones.fine = (await m.ok('createZone', { parkId: w.park, name: '精细化工园' })).id;
  if (!upTo('units')) return w;
  w.station = (await m.ok('createPoliceUnit', { programId: w.program, name: '雍阳派出所', kind: 'STATION' })).id;
  w.workstation = (
    await m.ok('createPoliceUnit', {
      programId: w.program,
      name: '基础工业园区警务站',
      kind: 'WORKSTATION',
      parkId: w.park,
      zoneIds: [w.zones.basic],
    })
  ).id;
  w.branch = (await m.ok('createPoliceUnit', { programId: w.program, name: '治安管理大队', kind: 'BRANCH', specialism: '治安' })).id;
  if (!upTo('officers')) return w;
  w.badges = { officer: String(600_000 + n * 10 + 1), officer2: String(600_000 + n * 10 + 2) };
  w.officer = (
    await m.ok('createOfficer', {
      unitId: w.station,
      name: '王建国',
      badgeNumber: w.badges.officer,
      phone: '138 1234 5678',
      title: '社区民警',
    })
  ).id;
  w.officer2 = (await m.ok('createOfficer', { unitId: w.workstation, name: '李华', badgeNumber: w.badges.officer2 })).id;
  if (!upTo('enterprises')) return w;
  w.enterprise = (
    await m.ok('createEnterprise', {
      zoneId: w.zones.fine,
      name: '磷都化工有限公司',
      creditCode: worldCreditCode(w, 1),
      industry: '磷化工',
      employeeCount: 820,
      hazardousChemicals: true,
      contactPerson: '张经理',
      contactPhone: '0854-2345678',
      joinedOn: '2025-01-06',
    })
  ).id;
  w.enterprise2 = (
    await m.ok('createEnterprise', {
      zoneId: w.zones.circular,
      name: '瓮安新材料公司',
      creditCode: worldCreditCode(w, 2),
      industry: '新材料',
      joinedOn: '2025-02-01',
    })
  ).id;
  if (!upTo('assignments')) return w;
  await m.ok('assignLiaisonOfficer', {
    enterpriseId: w.enterprise,
    officerId: w.officer2,
    startsOn: '2025-01-06',
    supportingBranchIds: [w.branch],
  });
  await m.ok('assignLiaisonOfficer', { enterpriseId: w.enterprise2, officerId: w.officer, startsOn: '2025-02-01' });
  if (!upTo('teams')) return w;
  w.patrolTeam = (await m.ok('createTeam', { parkId: w.park, zoneId: w.zones.basic, name: '警企巡逻联防队', type: 'PATROL' })).id;
  w.mediationTeam = (await m.ok('createTeam', { parkId: w.park, name: '警企矛盾纠纷联调队', type: 'MEDIATION' })).id;
  return w;
}

/** The world's `k`-th valid credit code (k from 1 to 99), unique across the worlds of a database. */
export function worldCreditCode(w: { n: number }, k: number): string {
  return testCreditCode(w.n * 100 + k);
}
