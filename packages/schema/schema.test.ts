import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inputLimitsModule, LIMITS_FILE, SCHEMA_FILE, schemaSdl } from '../api/src/cli/emit-schema';
import { repoRoot } from '../api/src/shared/db/database';

const FIX = 'run `npm run schema` and commit the result';
const GENERATED = [
  'packages/schema/src/generated/graphql.ts',
  'packages/schema/src/generated/error-reasons.ts',
  'packages/schema/src/generated/public-persisted.ts',
  'packages/widgets/src/generated/public-operations.ts',
  'packages/widgets/src/generated/admin-operations.ts',
];

describe('packages/schema', () => {
  it('holds the SDL the server builds (no drift)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    const built = await schemaSdl();
    if (committed !== built) throw new Error(`packages/schema/schema.graphql differs from the server's schema: ${FIX}`);
    expect(committed).toContain('interface Node');
  });

  it('holds the input limits the server enforces (no drift)', async () => {
    const committed = await readFile(LIMITS_FILE, 'utf8');
    if (committed !== (await inputLimitsModule())) throw new Error(`${LIMITS_FILE} differs from the server's validation rules: ${FIX}`);
    expect(committed).toContain('export const RecordVisitInputLimits');
  });

  it('holds the types graphql-codegen makes from it and the operations', async () => {
    // Run the real codegen on a copy, so the committed output is compared, never overwritten.
    const root = repoRoot();
    const copy = await mkdtemp(join(tmpdir(), 'huhang-codegen-'));
    try {
      for (const path of [
        'packages/schema/schema.graphql',
        'packages/schema/operations',
        'packages/schema/codegen.ts',
        'packages/schema/codegen',
        'examples',
      ]) {
        await cp(join(root, path), join(copy, path), { recursive: true, filter: (source) => !source.includes('/dist') });
      }
      await symlink(join(root, 'node_modules'), join(copy, 'node_modules'));
      await promisify(execFile)(
        process.execPath,
        [join(root, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'codegen.ts', '--silent'],
        {
          cwd: join(copy, 'packages/schema'),
        },
      );
      for (const file of GENERATED) {
        const generated = await readFile(join(copy, file), 'utf8');
        const committed = await readFile(join(root, file), 'utf8');
        if (generated !== committed) throw new Error(`${file} is out of date: ${FIX}`);
      }
      expect(await readFile(join(root, GENERATED[0]!), 'utf8')).toContain('UnvisitedEnterprisesDocument');
      expect(await readFile(join(root, GENERATED[1]!), 'utf8')).toContain('ParkErrorReason');
      expect(await readFile(join(root, GENERATED[3]!), 'utf8')).toContain('ComplianceOverviewDocument');
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }, 60_000);
});
