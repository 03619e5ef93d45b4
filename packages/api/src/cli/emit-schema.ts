import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from '../schema';
import { repoRoot } from '../shared/db/database';

export const SCHEMA_FILE = join(repoRoot(), 'packages/schema/schema.graphql');

const HEADER = '# The Huhang GraphQL API. Emitted from the code by `npm run schema`; do not edit by hand.\n\n';

/** The SDL of the API as committed in packages/schema: sorted, so a change shows as a small diff. */
export async function schemaSdl(): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}

async function main(): Promise<void> {
  await writeFile(SCHEMA_FILE, await schemaSdl());
  console.log(`wrote ${SCHEMA_FILE}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
