import type { CodegenConfig } from '@graphql-codegen/cli';

/** TypeScript types and typed documents for every client, from the committed SDL. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['operations/**/*.graphql', '../../examples/**/*.graphql'],
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        scalars: { DateTimeISO: 'string', LocalDate: 'string', JSONObject: 'Record<string, unknown>' },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        defaultScalarType: 'unknown',
      },
    },
  },
  hooks: { afterOneFileWrite: [] },
};

export default config;
