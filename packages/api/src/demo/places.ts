import type { Translated } from '../shared/i18n/translated';
import { addDays, daysBetween, shanghaiTime, windowStart } from '../shared/time/calendar';
import { BulkWriter } from './bulk-writer';
import { personName } from './names';
import { Random } from './random';
import type { Db } from './run';
import type { CommitmentSeed } from './weng-an';
import { writeIndicators } from './phases/organisation';

/**
 * A demo program that serves places where people live or work rather than a park of enterprises (a
 * relocation community, a district): its places with their police offices and staff by post, and
 * the records the article counts, written as exact totals spread over the demo's months. Everything
 * it writes goes through the same tables, metrics and API as the park programs.
 */
export interface PlacesProgram {
  program: { name: string; region: string; bureau: string; description: string };
  /** The county station the offices report to. */
  station: string;
  places: PlaceSeed[];
  /** Records counted over the whole window, spread over the places by their weight. */
  requests: RequestSeed[];
  disputes: DisputeSeed[];
  engagements: EngagementSeed[];
  /** Incidents of the last twelve months and of the twelve before them (the window must hold both). */
  incidents?: IncidentSeed[];
  commitments: CommitmentSeed[];
  /** Months of data, ending on the demo's last day, unless the demo is asked for other months; the totals stay. */
  months: number;
}

export interface PlaceSeed {
  name: string;
  /** What kind of place it is, in the program's words (新市民居住区, 工地 …). */
  level: string;
  region: string;
  /** Its police office (警务室), a workstation of the station. */
  office: string;
  /** People on post by kind (TeamMemberKind); officers get officer records. */
  staff: Partial<
    Record<'OFFICER' | 'AUXILIARY_POLICE' | 'POLICE_ASSISTANT' | 'FIRE_AUXILIARY' | 'GRID_WORKER' | 'COMMUNITY_MEMBER', number>
  >;
  /** Share of the program's requests, disputes and events (any positive numbers). */
  weight: number;
  /** Facilities in service since the first day, by kind (FacilityKind): camera channels, offices, rooms … */
  facilities?: Partial<Record<'CAMERA' | 'ALARM_BUTTON' | 'ACCESS_CONTROL' | 'POLICE_OFFICE' | 'SENTRY_POST' | 'MEDIATION_ROOM', number>>;
}

export interface RequestSeed {
  kind: string;
  channel: string;
  source: string;
  requesterKind: 'PERSON' | 'CHANNEL';
  count: number;
  /** Spread over the last twelve months only (a service running at a daily rate now), not the whole demo. */
  lastYearOnly?: boolean;
  description: string;
}

export interface DisputeSeed {
  category: string;
  mediationMode: string;
  count: number;
  /** How many of them are resolved by the last day; the rest are still being mediated. */
  resolved: number;
  summary: string;
}

export interface EngagementSeed {
  type: string;
  count: number;
  title: string;
  attendees: number;
}

export interface IncidentSeed {
  type: string;
  criminal: boolean;
  /** Received in the twelve months before the last twelve, and in the last twelve. */
  yearBefore: number;
  lastYear: number;
  /** How many of each year's are cleared (破案), a few days after the report. */
  clearedYearBefore?: number;
  clearedLastYear?: number;
  summary: string;
}

export interface PlacesTotals {
  programId: number;
  /** The places' park ids, in the program's order. */
  parkIds: number[];
  places: number;
  staff: Record<string, number>;
  /** Facilities by kind, summed over the places. */
  facilities: Record<string, number>;
  requests: number;
  disputes: number;
  engagements: number;
  incidents: number;
}

/** Splits `total` over `weights` in whole numbers that add up to it (largest remainders). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const left = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) out[order[k]![1]]! += 1;
  return out;
}

/** Writes a places program in the caller's transaction; the same seed and last day write the same rows. */
export async function writePlacesProgram(
  db: Db,
  def: PlacesProgram,
  options: {
    seed: number;
    endDate: string;
    months?: number;
    /** A share of the article's counts to write (tests that need a smaller demo); 1 by default. */
    scale?: number;
  },
): Promise<PlacesTotals> {
  const random = new Random(options.seed);
  const writer = new BulkWriter(db);
  const end = options.endDate;
  const start = windowStart(end, options.months ?? def.months);
  const days = daysBetween(start, end) + 1;
  const scaled = (count: number) => Math.round(count * (options.scale ?? 1));
  const one = async (sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params)).rows[0]!.id;
  const totals: PlacesTotals = {
    programId: 0,
    parkIds: [],
    places: def.places.length,
    staff: {},
    facilities: {},
    requests: 0,
    disputes: 0,
    engagements: 0,
    incidents: 0,
  };

  const programId = await one(
    'INSERT INTO program (name, region, bureau, description, starts_on) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [def.program.name, def.program.region, def.program.bureau, def.program.description, start],
  );
  totals.programId = programId;
  const stationId = await one("INSERT INTO police_unit (program_id, name, kind) VALUES ($1, $2, 'STATION') RETURNING id", [
    programId,
    def.station,
  ]);
  const badges = new Set((await db.query<{ v: string }>('SELECT badge_number AS v FROM officer')).rows.map((r) => r.v));
  const places: Array<{ parkId: number; officeId: number; weight: number }> = [];
  for (const place of def.places) {
    const parkId = await one('INSERT INTO park (program_id, name, level, region, starts_on) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
      programId,
      place.name,
      place.level,
      place.region,
      start,
    ]);
    const officeId = await one(
      "INSERT INTO police_unit (program_id, park_id, name, kind) VALUES ($1, $2, $3, 'WORKSTATION') RETURNING id",
      [programId, parkId, place.office],
    );
    places.push({ parkId, officeId, weight: place.weight });
    for (const [kind, quantity] of Object.entries(place.facilities ?? {})) {
      await writer.add(
        'facility',
        ['park_id', 'kind', 'quantity', 'location', 'installed_on'],
        [parkId, kind, quantity, place.name, start],
      );
      totals.facilities[kind] = (totals.facilities[kind] ?? 0) + quantity;
    }
    totals.parkIds.push(parkId);
    // The office's people, one team per place (联勤队), all on post since the first day.
    const teamId = await one("INSERT INTO team (park_id, name, type) VALUES ($1, $2, 'SERVICE') RETURNING id", [
      parkId,
      `${place.office}联勤队`,
    ]);
    for (const [kind, count] of Object.entries(place.staff)) {
      totals.staff[kind] = (totals.staff[kind] ?? 0) + count;
      if (kind !== 'OFFICER') {
        for (let i = 0; i < count; i++) {
          await writer.add('team_member', ['team_id', 'kind', 'name', 'joined_on'], [teamId, kind, personName(random), start]);
        }
        continue;
      }
      // The officers are written before the team members that point at them.
      const officerIds = await writer.reserveIds('officer', count);
      for (const officerId of officerIds) {
        let badge: string;
        do badge = String(random.int(100_000, 999_999));
        while (badges.has(badge));
        badges.add(badge);
        await writer.add(
          'officer',
          ['id', 'name', 'badge_number', 'unit_id', 'title'],
          [officerId, personName(random), badge, officeId, '社区民警'],
        );
      }
      await writer.flush();
      for (const officerId of officerIds) {
        await writer.add('team_member', ['team_id', 'kind', 'officer_id', 'joined_on'], [teamId, kind, officerId, start]);
      }
    }
  }
  const weights = places.map((p) => p.weight);
  /** A day from `first` over `span` days and a place, for each of n records: at random over the days, by weight over the places. */
  const spread = (n: number, first = start, span = days) =>
    apportion(n, weights).flatMap((count, p) =>
      Array.from({ length: count }, () => ({ place: places[p]!, day: addDays(first, random.int(0, span - 1)) })),
    );

  const lastYearStart = windowStart(end, 12);
  for (const seed of def.requests) {
    const window = seed.lastYearOnly
      ? spread(scaled(seed.count), lastYearStart, daysBetween(lastYearStart, end) + 1)
      : spread(scaled(seed.count));
    for (const { place, day } of window) {
      const received = shanghaiTime(day, random.int(8, 16), random.int(0, 59));
      // Served within the time limit (five calendar days hold three working days) most of the time; a few take longer.
      const hours = random.chance(0.96) ? random.int(2, 48) : random.int(80, 150);
      const resolved = new Date(received.getTime() + hours * 3_600_000);
      const due = new Date(received.getTime() + 5 * 24 * 3_600_000);
      const done = resolved.getTime() <= Date.parse(`${end}T15:59:59Z`);
      await writer.add(
        'service_request',
        [
          'park_id',
          'requester_kind',
          'kind',
          'channel',
          'source',
          'description',
          'assigned_unit_id',
          'status',
          'received_at',
          'due_at',
          'assigned_at',
          'resolved_at',
          'resolution',
        ],
        [
          place.parkId,
          seed.requesterKind,
          seed.kind,
          seed.channel,
          seed.source,
          seed.description,
          place.officeId,
          done ? 'RESOLVED' : 'ASSIGNED',
          received,
          due,
          received,
          done ? resolved : null,
          done ? '已办结' : '',
        ],
      );
      totals.requests += 1;
    }
  }

  for (const seed of def.disputes) {
    const all = spread(scaled(seed.count));
    // The unresolved ones are the latest found.
    all.sort((a, b) => a.day.localeCompare(b.day));
    for (const [k, { place, day }] of all.entries()) {
      const resolved = k < scaled(seed.resolved);
      const settled = addDays(day, random.int(0, 6));
      const resolvedOn = resolved ? (settled > end ? end : settled) : null;
      await writer.add(
        'dispute',
        [
          'park_id',
          'category',
          'summary',
          'parties_count',
          'mediation_mode',
          'status',
          'identified_on',
          'mediation_started_on',
          'resolved_on',
        ],
        [
          place.parkId,
          seed.category,
          seed.summary,
          random.int(2, 4),
          seed.mediationMode,
          resolved ? 'RESOLVED' : 'MEDIATING',
          day,
          day,
          resolvedOn,
        ],
      );
      totals.disputes += 1;
    }
  }

  // Incidents: the last twelve months and the twelve before, for 同比.
  const lastYear = windowStart(end, 12);
  const yearBefore = windowStart(addDays(lastYear, -1), 12);
  for (const seed of def.incidents ?? []) {
    if (yearBefore < start) throw new Error(`${def.program.name}: incidents need 24 months of data`);
    const halves = [
      { count: scaled(seed.yearBefore), first: yearBefore, last: addDays(lastYear, -1), cleared: scaled(seed.clearedYearBefore ?? 0) },
      { count: scaled(seed.lastYear), first: lastYear, last: end, cleared: scaled(seed.clearedLastYear ?? 0) },
    ];
    for (const half of halves) {
      for (const [k, { place, day }] of spread(half.count, half.first, daysBetween(half.first, half.last) + 1).entries()) {
        const received = shanghaiTime(day, random.int(0, 23), random.int(0, 59));
        const arrived = new Date(received.getTime() + random.int(4, 25) * 60_000);
        // Cleared a few days later, within the same year: each year's clearances are that year's figure.
        const settledOn = addDays(day, random.int(1, 10));
        const cleared = seed.criminal && k < half.cleared ? (settledOn > half.last ? half.last : settledOn) : null;
        await writer.add(
          'incident',
          ['park_id', 'type', 'summary', 'criminal', 'cleared_on', 'received_at', 'dispatched_at', 'arrived_at', 'closed_at'],
          [place.parkId, seed.type, seed.summary, seed.criminal, cleared, received, received, arrived, arrived],
        );
        totals.incidents += 1;
      }
    }
  }

  for (const seed of def.engagements) {
    for (const { place, day } of spread(scaled(seed.count))) {
      await writer.add(
        'engagement',
        ['park_id', 'type', 'title', 'held_on', 'organizer_id', 'attendees'],
        [place.parkId, seed.type, seed.title, day, place.officeId, Math.max(1, seed.attendees + random.int(-10, 10))],
      );
      totals.engagements += 1;
    }
  }
  await writer.flush();

  for (const [i, commitment] of def.commitments.entries()) {
    const commitmentId = await one(
      'INSERT INTO commitment (program_id, code, area, title, lead_unit_id, sort_order) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [programId, commitment.code, commitment.area, JSON.stringify(commitment.title as Translated), stationId, i + 1],
    );
    await writeIndicators(db, commitmentId, commitment);
  }
  return totals;
}
