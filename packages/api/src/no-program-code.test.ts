import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ANLONG } from './demo/anlong';
import { HULI } from './demo/huli';
import { LONGHUA } from './demo/longhua';
import { TIANFU } from './demo/tianfu';
import { WENG_AN } from './demo/weng-an';

/*
 * Programs are data. The engine, the API, the schema and the widgets name no program, place, unit or
 * code of one: those live in the demo data (packages/api/src/demo) and in tests. Benchmarks measure
 * the demo and may name it.
 */
const ROOT = join(__dirname, '..', '..', '..');
const SCANNED = [
  'packages/api/src',
  'packages/widgets/src',
  'packages/schema/schema.graphql',
  'packages/schema/operations',
  'packages/schema/src',
];
const EXEMPT = [/\/demo\//, /\.test\.ts$/, /\/test-support\//, /\/bench\//, /\/generated\//, /\/dist\//];

/** The names the demo programs use, and the short forms people write them in. */
function programWords(): string[] {
  const words = new Set<string>([
    '瓮安',
    '天府新区',
    '安龙',
    "Weng'an",
    'Weng’an',
    'wengan',
    'Tianfu',
    'Anlong',
    '湖里',
    'Huli',
    '龙华',
    '油松',
    'Longhua',
    '“1131”',
    '"1131"',
    '“141”',
    '"141"',
  ]);
  for (const def of [WENG_AN, TIANFU]) {
    for (const name of [def.program.name, def.program.bureau, def.park.name, ...def.zones, ...def.stations, ...def.workstations])
      words.add(name);
    for (const [name] of def.branches) words.add(name);
  }
  for (const def of [ANLONG, HULI, LONGHUA]) {
    for (const name of [def.program.name, def.program.bureau, def.station]) words.add(name);
    for (const place of def.places) words.add(place.name).add(place.office);
  }
  // A word everyone uses (a branch called 刑事侦查大队, say) is no program's own.
  for (const common of ['刑事侦查大队', '交通警察大队']) words.delete(common);
  return [...words];
}

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).flatMap((entry) => files(join(path, entry)));
}

describe('no program-specific code', () => {
  it('names no demo program, place, unit or code outside the demo data and tests', () => {
    const words = programWords();
    expect(words.length).toBeGreaterThan(30);
    const scanned = SCANNED.flatMap(files).filter((file) => /\.(ts|graphql)$/.test(file) && !EXEMPT.some((rule) => rule.test(`/${file}`)));
    expect(scanned.length).toBeGreaterThan(200);
    const found: string[] = [];
    for (const file of scanned) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const word of words) if (text.includes(word)) found.push(`${relative(ROOT, join(ROOT, file))}: ${word}`);
    }
    expect(found).toEqual([]);
  });

  it('would catch one', () => {
    const words = programWords();
    expect(words.some((word) => 'e.g. 瓮安县公安局的计划'.includes(word))).toBe(true);
    expect(words.some((word) => '五福小镇警务室'.includes(word))).toBe(true);
  });
});
