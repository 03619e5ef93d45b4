import { Role, type Audience } from '../shared/auth/role';

type Condition = Record<string, unknown>;

/**
 * `$in` over ids that may be none. MikroORM writes an empty `$in` as `in ()` when the condition lands
 * in a join (a filtered relation), which PostgreSQL rejects; ids start at 1, so `in (0)` matches nothing.
 */
function anyOf(ids: readonly number[] | undefined): { $in: number[] } {
  return { $in: ids?.length ? [...ids] : [0] };
}

/** Matches no row. */
const NOTHING: Condition = { id: anyOf([]) };

/** What a viewer holds, as loaded from the database when the request arrives. */
export interface ViewerGrants {
  userId?: number | null;
  username?: string | null;
  displayName?: string | null;
  role?: Role | null;
  sessionId?: string | null;
  officerId?: number | null;
  /** Programs the viewer reads (and, for a program administrator, administers). */
  programIds?: number[];
  /** Parks the viewer administers in full (program and park administrators; an embed key's parks). */
  parkIds?: number[];
  /** Parks whose structure (zones, units, teams) an officer reads: those of the officer's program. */
  referenceParkIds?: number[];
  /** An officer's current enterprises. */
  enterpriseIds?: number[];
  /** Teams an officer belongs to. */
  teamIds?: number[];
  keyId?: number | null;
  keyName?: string | null;
  /** A session that may only enrol a second factor, which its role requires. */
  secondFactorPending?: boolean;
}

/**
 * Who is asking, and the one place that says what they may read: `readScope` is ANDed into the SQL
 * of every query the request makes (a MikroORM filter on its EntityManager, and the nested-list
 * queries), so a record out of scope is never fetched. Writes are checked by `writable` on the rows
 * a mutation changes, before and after it writes.
 */
export class Viewer {
  readonly kind: 'USER' | 'KEY' | 'ANONYMOUS';
  readonly grants: {
    [K in keyof ViewerGrants]-?: NonNullable<ViewerGrants[K]> extends number[] ? number[] : NonNullable<ViewerGrants[K]> | null;
  };

  private constructor(kind: Viewer['kind'], grants: ViewerGrants) {
    this.kind = kind;
    this.grants = {
      userId: grants.userId ?? null,
      username: grants.username ?? null,
      displayName: grants.displayName ?? null,
      role: grants.role ?? null,
      sessionId: grants.sessionId ?? null,
      officerId: grants.officerId ?? null,
      programIds: grants.programIds ?? [],
      parkIds: grants.parkIds ?? [],
      referenceParkIds: grants.referenceParkIds ?? [],
      enterpriseIds: grants.enterpriseIds ?? [],
      teamIds: grants.teamIds ?? [],
      keyId: grants.keyId ?? null,
      keyName: grants.keyName ?? null,
      secondFactorPending: grants.secondFactorPending ?? false,
    };
  }

  static anonymous(): Viewer {
    return new Viewer('ANONYMOUS', {});
  }

  static user(grants: ViewerGrants & { userId: number; role: Role }): Viewer {
    return new Viewer('USER', grants);
  }

  static key(grants: ViewerGrants & { keyId: number }): Viewer {
    return new Viewer('KEY', grants);
  }

  /** The system itself (commands, the demo generator): reads and writes everything. */
  static system(): Viewer {
    return new Viewer('USER', { role: Role.SYSTEM_ADMIN, username: 'system' });
  }

  get audience(): Audience {
    if (this.kind === 'KEY') return 'PUBLIC';
    return this.grants.role ?? 'ANONYMOUS';
  }

  get role(): Role | null {
    return this.grants.role;
  }

  get isSystemAdmin(): boolean {
    return this.kind === 'USER' && this.grants.role === Role.SYSTEM_ADMIN;
  }

  /** The condition every query for `entity` gets; undefined means every row. */
  readScope(entity: string): Condition | undefined {
    if (this.isSystemAdmin) return undefined;
    // The working calendar is the State Council's, public: every credential reads all of it.
    if (entity === 'CalendarDay' && this.kind !== 'ANONYMOUS') return undefined;
    const { programIds, parkIds, referenceParkIds, enterpriseIds, teamIds, officerId, userId } = this.grants;
    const inPrograms = anyOf(programIds);
    const inParks = anyOf(parkIds);
    if (this.kind === 'ANONYMOUS') return NOTHING;
    // Every credential reads its programs, their commitments and indicators: what figures are judged against.
    const programWide: Record<string, Condition> = {
      Program: { id: inPrograms },
      Commitment: { program: inPrograms },
      Indicator: { commitment: { program: inPrograms } },
    };
    if (programWide[entity]) return programWide[entity];
    if (this.kind === 'KEY') {
      // Names of the programs and parks and their commitments: what a public page shows beside its figures.
      switch (entity) {
        case 'Park':
          return { id: inParks };
        case 'Zone':
          return { park: inParks };
        default:
          return NOTHING;
      }
    }
    const unitScope = { $or: [{ park: inParks }, { park: null, program: inPrograms }] };
    if (this.grants.role === Role.OFFICER) {
      const inReferenceParks = anyOf(referenceParkIds);
      const inEnterprises = anyOf(enterpriseIds);
      switch (entity) {
        case 'Park':
          return { id: inReferenceParks };
        case 'Zone':
          return { park: inReferenceParks };
        case 'PoliceUnit':
          return { program: inPrograms };
        case 'Officer':
          return { id: officerId };
        case 'Enterprise':
          return { id: inEnterprises };
        case 'LiaisonAssignment':
        case 'Visit':
          return { officer: officerId, enterprise: inEnterprises };
        case 'Team':
          return { id: anyOf(teamIds) };
        case 'Organisation':
          // The program's register: who answers for a hazard or asks at the officer's enterprises.
          return { program: inPrograms };
        case 'TeamMember':
          return { officer: officerId };
        case 'Patrol':
          return { team: anyOf(teamIds) };
        case 'Hazard':
        case 'ServiceRequest':
        case 'Recognition':
          return { enterprise: inEnterprises };
        case 'User':
          return { id: userId };
        default:
          return NOTHING;
      }
    }
    // Program and park administrators: their parks in full, their programs' names, commitments and county units.
    switch (entity) {
      case 'Park':
        return { id: inParks };
      case 'Zone':
      case 'Enterprise':
      case 'Team':
      case 'Dispute':
      case 'Incident':
      case 'ServiceRequest':
      case 'Hazard':
      case 'Engagement':
      case 'Facility':
      case 'WorkerRegistration':
      case 'PlaceParticipant':
      // Rows of an enterprise keep its park (migration 2900).
      case 'LiaisonAssignment':
      case 'Visit':
      case 'Recognition':
        return { park: inParks };
      case 'Organisation':
        return { program: inPrograms };
      case 'PoliceUnit':
        return unitScope;
      case 'Officer':
        // Its unit's park and program, kept on the officer's row (migration 3100): no join to the unit.
        return { $or: [{ unitPark: inParks }, { unitPark: null, unitProgram: inPrograms }] };
      case 'TeamMember':
      case 'Patrol':
        return { team: { park: inParks } };
      case 'User':
        // A program administrator manages the users of its parks; a park administrator sees itself.
        return this.grants.role === Role.PROGRAM_ADMIN
          ? { $or: [{ id: userId }, { parks: inParks }, { programs: inPrograms }] }
          : { id: userId };
      case 'EmbedKey':
        return this.grants.role === Role.PROGRAM_ADMIN ? { program: inPrograms } : { park: inParks };
      default:
        return NOTHING;
    }
  }

  /**
   * Whether the viewer may write a row that lies in `parkId` (null: program-wide, e.g. a program, a
   * commitment or a county branch) of `programId`. Officers write only their own visits and their
   * teams' patrols, which `officerMayWrite` checks.
   */
  writable(location: { parkId: number | null; programId: number | null }): boolean {
    if (this.isSystemAdmin) return true;
    if (this.kind !== 'USER') return false;
    if (this.grants.role === Role.PROGRAM_ADMIN) return location.programId !== null && this.grants.programIds.includes(location.programId);
    if (this.grants.role === Role.PARK_ADMIN) return location.parkId !== null && this.grants.parkIds.includes(location.parkId);
    return false;
  }

  /** Personal data of an enterprise (contact person and phone) is shown to whoever may read the enterprise. */
  seesEnterpriseContacts(): boolean {
    return this.kind === 'USER';
  }

  /** An officer's badge number and phone: administrators of the officer's unit, and the officer. */
  seesOfficerDetails(officerId: number, unit: { parkId: number | null; programId: number }): boolean {
    if (this.kind !== 'USER') return false;
    if (this.isSystemAdmin) return true;
    if (this.grants.role === Role.OFFICER) return this.grants.officerId === officerId;
    if (this.grants.role === Role.PROGRAM_ADMIN) return this.grants.programIds.includes(unit.programId);
    return unit.parkId !== null && this.grants.parkIds.includes(unit.parkId);
  }
}
