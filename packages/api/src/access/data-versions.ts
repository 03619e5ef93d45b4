import type { SqlStatement } from '../shared/db/sql-literal';
import { intArray } from '../shared/db/pg-array';

/**
 * The data version of each program: a number every committed write to the program raises. Answers
 * derived from a program's data (the public figures) are kept under the version they were computed
 * at, so a write makes them miss at once, without a statement to ask whether anything changed.
 *
 * The numbers are the durable ones of `data_version`, which each write raises in its own
 * transaction: this process learns them from its own commits and from the notifications of every
 * commit (its own included, heard a moment later, which then change nothing).
 */
export class DataVersions {
  private readonly versions = new Map<number, number>();
  /** Raised when other processes' writes may have been missed: part of every key. */
  private generation = 0;

  versionOf(programId: number): number {
    return this.versions.get(programId) ?? 0;
  }

  /** The versions of several programs, as one part of a cache key. */
  versionsOf(programIds: readonly number[]): string {
    return `${this.generation}/${programIds.map((id) => `${id}:${this.versionOf(id)}`).join(',')}`;
  }

  /**
   * A process committed a write to this program, raising its version to `version`; 'ALL', or a
   * notice without a version: writes may have been missed.
   */
  heard(programId: number | 'ALL', version?: number): void {
    if (programId === 'ALL' || version === undefined) this.generation += 1;
    else this.reached(programId, version);
  }

  /** After a commit: the versions it raised the programs it wrote to to. */
  committed(raised: ReadonlyMap<number, number>): void {
    for (const [programId, version] of raised) this.reached(programId, version);
  }

  /** Only ever forward: a late notice of a version already known changes nothing. */
  private reached(programId: number, version: number): void {
    if (version > this.versionOf(programId)) this.versions.set(programId, version);
  }
}

/**
 * The statement that raises the data versions of `programIds` and of the programs the rows of
 * `rows` (by kind of record) lie in, read when it runs; it returns the programs raised and their new
 * versions. Null for none.
 */
export function dataVersionsRaise(programIds: readonly number[], rows: SqlStatement | null): SqlStatement | null {
  if (programIds.length === 0 && !rows) return null;
  // Planned at every write: no union where one side would be empty (DISTINCT does its one task).
  const known = programIds.length > 0 ? { sql: 'SELECT unnest(?::int[]) AS program_id', values: [intArray([...programIds])] } : null;
  const parts = [known, rows].filter((part): part is SqlStatement => part !== null);
  const touched = parts.map((part) => part.sql).join(' UNION ');
  return {
    sql: `INSERT INTO data_version (program_id, version, changed_at)
     SELECT DISTINCT program_id, 1, now() FROM (${touched}) touched WHERE program_id IS NOT NULL ORDER BY program_id
     ON CONFLICT (program_id) DO UPDATE SET version = data_version.version + 1, changed_at = now()
     RETURNING program_id, version`,
    values: parts.flatMap((part) => [...part.values]),
    // Planned at every write, it took about 0.15 ms, through the tables' row-level security: more than it takes to run.
    prepare: true,
  };
}
