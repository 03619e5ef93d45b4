import type { Ordering } from '../../shared/pagination';

/** Activities list latest first; the id breaks ties so pages are stable. */
export const latestFirst = (property: string): Ordering => [
  [property, 'desc'],
  ['id', 'desc'],
];

export type Where = Record<string, unknown>;

/** Sets a condition only when the filter gave one. */
export function set(where: Where, key: string, value: unknown): void {
  if (value !== undefined) where[key] = value;
}

/** `$in` of the values given; no condition for an empty or missing list. */
export const inList = <T>(values: T[] | null | undefined): { $in: T[] } | undefined => (values?.length ? { $in: values } : undefined);
