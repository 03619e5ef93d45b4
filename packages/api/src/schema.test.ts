import { buildSchema, type GraphQLObjectType } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ACCESS_MUTATIONS, MUTATIONS } from './test-support/mutations';
import { repoRoot } from './shared/db/database';

/** Every test file of the API, beside the code it tests. */
function testFiles(dir = __dirname): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Mutation names a test runs through `MutationLog.ok` (must succeed) and `.refuse` (must be refused), by file. */
function exercised(kind: 'ok' | 'refuse'): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const call = new RegExp(`\\bm\\.${kind}\\(\\s*'(\\w+)'`, 'g');
  for (const file of testFiles()) {
    for (const [, name] of readFileSync(file, 'utf8').matchAll(call)) {
      seen.set(name!, [...(seen.get(name!) ?? []), relative(__dirname, file)]);
    }
  }
  return seen;
}

describe('every mutation of the schema', () => {
  const sdl = readFileSync(join(repoRoot(), 'packages/schema/schema.graphql'), 'utf8');
  const mutationType = buildSchema(sdl).getMutationType() as GraphQLObjectType;
  // Signing in, users and embed keys: accounts/access.test.ts sees each succeed and be refused.
  const all = Object.keys(mutationType.getFields())
    .filter((name) => !ACCESS_MUTATIONS.includes(name))
    .sort();

  it('is known to the tests’ mutation log', () => {
    expect(Object.keys(MUTATIONS).sort()).toEqual(all);
  });

  it('has a test that sees it succeed and one that sees it refuse bad input', () => {
    const succeeded = exercised('ok');
    const refused = exercised('refuse');
    expect(all.filter((name) => !succeeded.has(name))).toEqual([]);
    expect(all.filter((name) => !refused.has(name))).toEqual([]);
  });
});
