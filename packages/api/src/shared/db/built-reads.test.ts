import { raw } from '@mikro-orm/core';
import { builtRead, readKey } from './built-reads';

describe('statements kept by what they were made from', () => {
  it('key the same condition alike, and any other value apart', () => {
    const scope = { park: { $in: [1, 2] } };
    expect(readKey(['Visit', { $and: [{ officer: 3 }, scope] }])).toBe(
      readKey(['Visit', { $and: [{ officer: 3 }, { park: { $in: [1, 2] } }] }]),
    );
    expect(readKey(['Visit', { park: { $in: [1, 2] } }])).not.toBe(readKey(['Visit', { park: { $in: [1, 3] } }]));
    expect(readKey(['Visit', { officer: 3 }])).not.toBe(readKey(['Enterprise', { officer: 3 }]));
    // A date binds as a date, a string as a string: the same instant written both ways is two statements.
    const instant = '2026-01-01T00:00:00.000Z';
    expect(readKey(['Visit', { createdAt: new Date(instant) }])).not.toBe(readKey(['Visit', { createdAt: instant }]));
    expect(readKey(['Visit', { createdAt: new Date(instant) }])).toBe(readKey(['Visit', { createdAt: new Date(instant) }]));
  });

  it('keep nothing made from what JSON cannot tell apart', () => {
    class Entity {
      constructor(readonly id: number) {}
    }
    expect(readKey(['Visit', { officer: new Entity(3) }])).toBeNull();
    expect(readKey(['Visit', { officer: undefined }])).toBeNull();
    expect(readKey(['Visit', { visitedOn: raw('now()') }])).toBeNull();
    expect(readKey(['Visit', { [raw('lower(name)')]: 'x' }])).toBeNull();
    expect(readKey(['Visit', { id: Number.NaN }])).toBeNull();
  });

  it('build a statement once per key and ORM, and again for a read that cannot be kept', () => {
    const metadata = {};
    let built = 0;
    const build = () => ({ sql: `select ${++built}`, bindings: [], extra: null });
    const key = readKey(['Visit', { id: 1 }]);
    expect(builtRead(metadata, key, build).sql).toBe('select 1');
    expect(builtRead(metadata, key, build).sql).toBe('select 1');
    expect(builtRead({}, key, build).sql).toBe('select 2');
    expect(builtRead(metadata, null, build).sql).toBe('select 3');
    expect(builtRead(metadata, null, build).sql).toBe('select 4');
  });

  it('let the statement used longest ago go beyond two thousand', () => {
    const metadata = {};
    let built = 0;
    const build = () => ({ sql: String(++built), bindings: [], extra: null });
    for (let id = 0; id <= 2000; id++) builtRead(metadata, readKey([id]), build);
    expect(built).toBe(2001);
    builtRead(metadata, readKey([2000]), build);
    expect(built).toBe(2001);
    builtRead(metadata, readKey([0]), build);
    expect(built).toBe(2002);
  });
});
