import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from '../schema';
import { inputLimits } from './input-limits';
import { repoRoot } from '../shared/db/database';

export const SCHEMA_FILE = join(repoRoot(), 'packages/schema/schema.graphql');
export const LIMITS_FILE = join(repoRoot(), 'packages/schema/src/generated/input-limits.ts');

const HEADER = '# The Huhang GraphQL API. Emitted from the code by `npm run schema`; do not edit by hand.\n\n';

/** The SDL of the API as committed in packages/schema: sorted, so a change shows as a small diff. */
export async function schemaSdl(): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}

/**
 * The input types' field limits as a TypeScript module for clients: one constant per input type
 * (`RecordVisitInputLimits`), so a bundle carries only the limits its forms use.
 */
export async function inputLimitsModule(): Promise<string> {
  const limits = inputLimits(await createSchema());
  const constants = Object.entries(limits).map(
    ([type, fields]) =>
      `/** What the API accepts in \`${type}\`. */\nexport const ${type}Limits = ${JSON.stringify(fields, null, 2)} as const;\n`,
  );
  return ["// Emitted from the API's validation rules by `npm run schema`; do not edit by hand.", '', ...constants].join('\n');
}

async function main(): Promise<void> {
  await writeFile(SCHEMA_FILE, await schemaSdl());
  console.log(`wrote ${SCHEMA_FILE}`);
  await writeFile(LIMITS_FILE, await inputLimitsModule());
  console.log(`wrote ${LIMITS_FILE}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
