/** A PostgreSQL array literal of whole numbers, for a `?::int[]` parameter. */
export function intArray(values: readonly number[]): string {
  return `{${values.map((value) => Math.trunc(value)).join(',')}}`;
}
