import type { DemoRun } from '../run';

import { EnterpriseStatus, PlaceKind } from '../../enterprises/enterprise.entity';
import { INDUSTRIES } from '../names';
import { PoliceUnitKind } from '../../units/police-unit.entity';
import { addDays } from '../../shared/time/calendar';
import { creditCode } from '../names';
import { enterpriseName, siteName } from '../names';
import { mobile } from '../names';
import { personName } from '../names';
import { shanghaiTime } from '../../shared/time/calendar';
/** Program, park, zones. */
export async function writeProgram(run: DemoRun): Promise<void> {
  const { db, def, totals, one } = run;
  // The program and its park began on the first day of the data: no earlier period is judged.
  run.programId = await one('INSERT INTO program (name, region, bureau, description, starts_on) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
    def.program.name,
    def.program.region,
    def.program.bureau,
    def.program.description,
    run.start,
  ]);
  const programId = run.programId;
  run.parkId = await one('INSERT INTO park (program_id, name, level, region, starts_on) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
    programId,
    def.park.name,
    def.park.level,
    def.park.region,
    run.start,
  ]);
  const parkId = run.parkId;
  run.zoneIds = [];
  const zoneIds = run.zoneIds;
  for (const zone of def.zones) zoneIds.push(await one('INSERT INTO zone (park_id, name) VALUES ($1, $2) RETURNING id', [parkId, zone]));

  // Police units: stations, the three park workstations (one per zone), branches, the monitoring centre.
  run.unitIds = new Map<string, number>();
  const unitIds = run.unitIds;
  const addUnit = async (name: string, kind: PoliceUnitKind, specialism: string | null, zones: number[]) => {
    const id = await one('INSERT INTO police_unit (program_id, park_id, name, kind, specialism) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
      programId,
      parkId,
      name,
      kind,
      specialism,
    ]);
    for (const zoneId of zones) await db.query('INSERT INTO police_unit_zone (police_unit_id, zone_id) VALUES ($1, $2)', [id, zoneId]);
    unitIds.set(name, id);
    return id;
  };
  for (const [i, name] of def.stations.entries())
    await addUnit(name, PoliceUnitKind.STATION, null, i === 0 ? zoneIds : [zoneIds[i % zoneIds.length]!]);
  for (const [i, name] of def.workstations.entries()) await addUnit(name, PoliceUnitKind.WORKSTATION, null, [zoneIds[i % zoneIds.length]!]);
  for (const [name, specialism] of def.branches) await addUnit(name, PoliceUnitKind.BRANCH, specialism, []);
  if (def.monitoringCentre) await addUnit(def.monitoringCentre, PoliceUnitKind.MONITORING_CENTRE, null, zoneIds);
  totals.policeUnits = unitIds.size;

  // Facilities since the first day: camera channels and one-touch alarms along each zone, a police
  // office where each workstation sits.
  for (const [i, zoneId] of zoneIds.entries()) {
    const location = def.zones[i]!;
    await db.query(
      `INSERT INTO facility (park_id, kind, quantity, location, installed_on) VALUES ($1, 'CAMERA', $2, $3, $4), ($1, 'ALARM_BUTTON', $5, $3, $4)`,
      [parkId, 36 + 12 * i, location, run.start, 4 + 2 * (zoneId % 3)],
    );
  }
  for (const name of def.workstations) {
    await db.query(`INSERT INTO facility (park_id, kind, quantity, location, installed_on) VALUES ($1, 'POLICE_OFFICE', 1, $2, $3)`, [
      parkId,
      name,
      run.start,
    ]);
  }
  run.frontlineUnits = [...def.stations, ...def.workstations].map((name) => unitIds.get(name)!);
  run.branchIds = def.branches.map(([name]) => unitIds.get(name)!);
}

/** Officers. */
export async function writeOfficers(run: DemoRun): Promise<void> {
  const { db, officerCount, random, writer, frontlineUnits } = run;
  run.phase = 'officers';
  run.officerIds = await writer.reserveIds('officer', officerCount);
  const officerIds = run.officerIds;
  // Badge numbers and credit codes are unique across programs: start from those already written.
  const badges = new Set((await db.query<{ v: string }>('SELECT badge_number AS v FROM officer')).rows.map((r) => r.v));
  for (const [i, id] of officerIds.entries()) {
    let badge: string;
    do badge = String(random.int(100_000, 999_999)).padStart(6, '0');
    while (badges.has(badge));
    badges.add(badge);
    const unit = i < frontlineUnits.length * 3 ? frontlineUnits[i % frontlineUnits.length]! : random.pick(frontlineUnits);
    await writer.add(
      'officer',
      ['id', 'name', 'badge_number', 'unit_id', 'phone', 'title'],
      [
        id,
        personName(random),
        badge,
        unit,
        mobile(random),
        random.weighted([
          ['社区民警', 6],
          ['警务站民警', 3],
          ['副所长', 1],
        ] as const),
      ],
    );
  }
  await writer.flush();
}

/** Enterprises: most joined before the window, some during it; a few archived late in it. */
export async function writeEnterprises(run: DemoRun): Promise<void> {
  const { db, enterpriseCount, end, start, random, writer, randomDay, parkId, zoneIds } = run;
  run.phase = 'enterprises';
  const enterpriseIds = await writer.reserveIds('enterprise', enterpriseCount);
  const names = new Set<string>();
  const codes = new Set((await db.query<{ v: string }>('SELECT credit_code AS v FROM enterprise')).rows.map((r) => r.v));
  run.enterprises = [];
  const enterprises = run.enterprises;
  for (const id of enterpriseIds) {
    const [enterpriseIndustry, word, hazardousIndustry] = random.pick(INDUSTRIES);
    // A construction program's places are its sites: named as projects, under construction, not chemical works.
    const site = run.def.sites ? siteName(random, names) : null;
    const industry = site?.industry ?? enterpriseIndustry;
    const zoneId = random.pick(zoneIds);
    const joinedOn = random.chance(0.85) ? addDays(start, -random.int(30, 1500)) : randomDay(start, addDays(end, -20));
    const archivedOn = random.chance(0.03) ? randomDay(addDays(joinedOn > start ? joinedOn : start, 10), end) : null;
    const hazardous = !site && hazardousIndustry && random.chance(0.8);
    const status = archivedOn
      ? EnterpriseStatus.CLOSED
      : site
        ? EnterpriseStatus.UNDER_CONSTRUCTION
        : random.weighted([
            [EnterpriseStatus.OPERATING, 85],
            [EnterpriseStatus.UNDER_CONSTRUCTION, 12],
            [EnterpriseStatus.SUSPENDED, 3],
          ] as const);
    const liaisonGroupJoinedOn = random.chance(0.97) ? addDays(joinedOn, random.int(0, 20)) : null;
    enterprises.push({ id, zoneId, joinedOn, archivedOn: archivedOn && archivedOn > joinedOn ? archivedOn : null, hazardous });
    await writer.add(
      'enterprise',
      [
        'id',
        'park_id',
        'zone_id',
        'kind',
        'name',
        'credit_code',
        'industry',
        'employee_count',
        'hazardous_chemicals',
        'key_enterprise',
        'status',
        'contact_person',
        'contact_phone',
        'joined_on',
        'liaison_group_joined_on',
        'archived_at',
      ],
      [
        id,
        parkId,
        zoneId,
        site ? PlaceKind.CONSTRUCTION_PROJECT : PlaceKind.ENTERPRISE,
        site?.name ?? enterpriseName(random, names, word),
        creditCode(random, codes),
        industry,
        random.weighted([
          [random.int(15, 80), 5],
          [random.int(80, 400), 4],
          [random.int(400, 2500), 1],
        ] as const),
        hazardous,
        hazardous || random.chance(0.1),
        status,
        personName(random),
        mobile(random),
        joinedOn,
        liaisonGroupJoinedOn,
        enterprises.at(-1)!.archivedOn ? shanghaiTime(enterprises.at(-1)!.archivedOn!, 17) : null,
      ],
    );
  }
  await writer.flush();
}
