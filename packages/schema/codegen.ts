import type { CodegenConfig } from '@graphql-codegen/cli';

function widgetDocuments(name: 'public' | 'admin'): CodegenConfig['generates'] {
  return {
    [`../widgets/src/generated/${name}-operations.ts`]: {
      documents: [`operations/${name}.graphql`],
      plugins: [{ add: { content: "import type * as Types from '@huhang/schema';" } }, 'typed-document-node'],
      config: { documentMode: 'string', importOperationTypesFrom: 'Types', useTypeImports: true },
    },
  };
}

/** TypeScript types and typed documents for every client, from the committed SDL. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/generated/graphql.ts': {
      documents: ['operations/**/*.graphql', '../../examples/**/*.graphql'],
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        scalars: { DateTimeISO: 'string', LocalDate: 'string', JSONObject: 'Record<string, unknown>' },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        defaultScalarType: 'unknown',
      },
    },
    // Error reasons travel in `extensions`, which no operation selects: a plugin of our own lists them.
    'src/generated/error-reasons.ts': { plugins: ['./codegen/error-reasons.cjs'] },
    // The public widgets ask by GET with an operation id; the API registers these documents at start.
    'src/generated/public-persisted.ts': { documents: ['operations/public.graphql'], plugins: ['./codegen/persisted-operations.cjs'] },
    // The widgets send documents as strings (no GraphQL parser in a portal's bundle); their types
    // are the ones above, imported from @huhang/schema.
    ...widgetDocuments('public'),
    ...widgetDocuments('admin'),
  },
  hooks: { afterOneFileWrite: [] },
};

export default config;
