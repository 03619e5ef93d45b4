import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { effectiveDataDir, reachableByPostgresUser } from './embedded';

const asRoot = userInfo().uid === 0;

describe('the embedded PostgreSQL data directory', () => {
  let base: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'huhang-reach-'));
    chmodSync(base, 0o755);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  (asRoot ? it : it.skip)('as root, detects a parent the postgres user cannot enter and falls back', () => {
    const closed = join(base, 'closed');
    mkdirSync(join(closed, 'repo'), { recursive: true });
    chmodSync(closed, 0o700);
    const wanted = join(closed, 'repo', '.data', 'postgres');
    expect(reachableByPostgresUser(wanted)).toBe(false);
    const lines: string[] = [];
    const used = effectiveDataDir(wanted, (line) => lines.push(line));
    expect(used).toMatch(/^\/var\/tmp\/huhang-pg-[0-9a-f]{12}$/);
    expect(effectiveDataDir(wanted, () => undefined)).toBe(used); // the same stand-in every start
    expect(lines.join('\n')).toMatch(/cannot enter/);
  });

  it('uses the directory asked for when it is reachable', () => {
    const open = join(base, 'open', 'repo', '.data', 'postgres');
    mkdirSync(join(base, 'open', 'repo'), { recursive: true });
    expect(reachableByPostgresUser(open)).toBe(true);
    expect(effectiveDataDir(open, () => undefined)).toBe(open);
  });
});
