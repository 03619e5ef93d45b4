/** A small seeded PRNG (mulberry32): the same seed gives the same demo data on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** `count` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** Splits `total` into `parts` whole numbers, each at least `min`, that add up to exactly `total`. */
  partition(total: number, parts: number, min = 0): number[] {
    if (parts <= 0) return [];
    const base = Array<number>(parts).fill(min);
    let rest = total - min * parts;
    if (rest < 0) throw new RangeError(`cannot split ${total} into ${parts} parts of at least ${min}`);
    // Spread the rest by random weights, then hand out the rounding remainder one by one.
    const weights = base.map(() => this.next() + 0.05);
    const sum = weights.reduce((a, b) => a + b, 0);
    const shares = weights.map((w) => Math.floor((w / sum) * rest));
    rest -= shares.reduce((a, b) => a + b, 0);
    for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) shares[i]! += 1;
    return base.map((value, i) => value + shares[i]!);
  }

  /** Scatters `total` units over `parts` slots (many stay 0), summing exactly to `total`. */
  scatter(total: number, parts: number): number[] {
    const slots = Array<number>(parts).fill(0);
    if (parts === 0) return slots;
    for (let i = 0; i < total; i++) slots[Math.floor(this.next() * parts)]! += 1;
    return slots;
  }
}
