import { RawQueryFragment } from '@mikro-orm/core';

/**
 * Statements the query builder made before, by what they were made from. Turning a condition into
 * SQL costs the query builder about 0.4 ms of the API's thread, more than many reads then take in
 * PostgreSQL (a profile of compliance reports: two reads of rows, 1 ms of a report's 7 ms in Node).
 * The same read asked again, with the same values, gets the same text and values back.
 */
export interface BuiltRead<Extra> {
  sql: string;
  bindings: readonly unknown[];
  /** What else was worked out with the statement (e.g. the joins to hand rows to loaders). */
  extra: Extra;
}

/** Statements kept per ORM; the one used longest ago goes beyond. */
const KEPT = 2000;

/**
 * Whether a condition is made only of plain values, which its JSON tells apart: no entity, no SQL
 * fragment, nothing undefined. Anything else is built every time.
 */
function plain(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
      return !RawQueryFragment.isKnownFragment(value);
    case 'number':
      return Number.isFinite(value);
    case 'boolean':
      return true;
    case 'object':
      if (value instanceof Date) return !Number.isNaN(value.getTime());
      if (Array.isArray(value)) return value.every(plain);
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      return Object.entries(value as Record<string, unknown>).every(
        ([key, inner]) => !RawQueryFragment.isKnownFragment(key) && plain(inner),
      );
    default:
      return false;
  }
}

/** The key of a read made of these parts, or null when one is not plain (the read is then not kept). */
export function readKey(parts: readonly unknown[]): string | null {
  if (!plain(parts)) return null;
  // A date is keyed apart from a string of the same instant: the statement binds what it was given.
  return JSON.stringify(parts, function dated(this: Record<string, unknown>, key: string, value: unknown) {
    const given = this[key];
    return given instanceof Date ? { '\u0000date': given.getTime() } : value;
  });
}

const kept = new WeakMap<object, Map<string, BuiltRead<unknown>>>();

/** The statement for `key` made before for this ORM (`metadata`), or `build`'s, kept for next time. */
export function builtRead<Extra>(metadata: object, key: string | null, build: () => BuiltRead<Extra>): BuiltRead<Extra> {
  if (key === null) return build();
  let reads = kept.get(metadata);
  if (!reads) kept.set(metadata, (reads = new Map()));
  const known = reads.get(key) as BuiltRead<Extra> | undefined;
  if (known) {
    // Most recently used last: a Map iterates in insertion order.
    reads.delete(key);
    reads.set(key, known);
    return known;
  }
  const read = build();
  reads.set(key, read);
  if (reads.size > KEPT) reads.delete(reads.keys().next().value!);
  return read;
}
