// @ts-check
/**
 * The layering of the API (docs/ARCHITECTURE.md), checked by `npm run lint`.
 *
 * Folders are listed bottom-up; a folder may import its own files and any folder listed before it,
 * never one listed after it. Because the order is total, folder cycles are impossible too.
 * Tests and test support may import anything: a test proves its folder through the whole system.
 *
 * The only exceptions are the ORM's relations from an entity to an entity of a higher folder
 * (`Program.commitments`, say): MikroORM needs both sides of a relation, so the lower entity names the
 * higher one by string (`@OneToMany('Commitment', 'program')`) and imports its type only. Each is listed
 * below by name, and only an `import type` of exactly that file passes.
 */
const SRC = '^packages/api/src/';

const LAYERS = [
  'shared',
  'migrations',
  'access',
  'statistics/metrics',
  'calendar',
  'programs',
  'parks',
  'units',
  'officers',
  'enterprises',
  'liaisons',
  'teams',
  'activities/common',
  'activities/visits',
  'activities/patrols',
  'activities/hazards',
  'activities/disputes',
  'activities/incidents',
  'activities/service-requests',
  'activities/engagements',
  'activities/recognitions',
  'commitments',
  'statistics',
  'accounts',
  // The application: bootstrap, server, schema, request context, commands, demo data, benchmarks.
  '(?:[^/]+\\.ts$|server/|cli/|demo/|bench/|test-support/)',
];

/** Type-only imports of a higher layer's entity by an entity, for the ORM's two-sided relations. */
const ENTITY_RELATIONS = [
  ['programs/program.entity.ts', 'parks/park.entity.ts'],
  ['programs/program.entity.ts', 'commitments/commitment.entity.ts'],
  ['enterprises/enterprise.entity.ts', 'liaisons/liaison-assignment.entity.ts'],
  ['enterprises/enterprise.entity.ts', 'activities/visits/visit.entity.ts'],
];

const TESTS = ['\\.test\\.ts$', `${SRC}test-support/`];

/** The path pattern of layer `index` (a folder, or for the last, the application's files). */
function layerPath(index) {
  const layer = LAYERS[index];
  if (index === LAYERS.length - 1) return `${SRC}${layer}`;
  // `statistics` must not swallow `statistics/metrics`: a layer excludes the deeper layers listed before it.
  return `${SRC}${layer}/`;
}

function higherThan(index) {
  return LAYERS.slice(index + 1).map((_, offset) => layerPath(index + 1 + offset));
}

function lowerOrNested(index) {
  // Deeper folders listed earlier (statistics/metrics below statistics) are not part of this layer.
  return LAYERS.slice(0, index)
    .filter((deeper) => deeper.startsWith(`${LAYERS[index]}/`))
    .map((deeper) => `${SRC}${deeper}/`);
}

const exceptionFiles = [...new Set(ENTITY_RELATIONS.map(([from]) => from))];

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const forbidden = [];

LAYERS.forEach((layer, index) => {
  const higher = higherThan(index);
  if (higher.length === 0) return;
  const ownExceptions = exceptionFiles.filter((file) => file.startsWith(`${layer}/`));
  forbidden.push({
    name: `upward-from-${layer.replace(/[^a-z]+/g, '-')}`,
    comment: `${layer} is below ${LAYERS.slice(index + 1).join(', ')}: it may not import them (docs/ARCHITECTURE.md).`,
    severity: 'error',
    from: { path: layerPath(index), pathNot: [...TESTS, ...lowerOrNested(index), ...ownExceptions.map((file) => `${SRC}${file}$`)] },
    to: { path: higher, pathNot: LAYERS.slice(0, index + 1).map((_, lower) => layerPath(lower)) },
  });
});

// An entity with listed relations may import upward only the listed entities, and only their types.
for (const file of exceptionFiles) {
  const index = LAYERS.findIndex((layer) => file.startsWith(`${layer}/`));
  const allowed = ENTITY_RELATIONS.filter(([from]) => from === file).map(([, to]) => `${SRC}${to}$`);
  forbidden.push({
    name: `upward-from-${file.replace(/[^a-z]+/g, '-')}`,
    comment: `${file} may import upward only the types of the entities listed in ENTITY_RELATIONS.`,
    severity: 'error',
    from: { path: `${SRC}${file}$` },
    to: { path: higherThan(index), pathNot: [...allowed, ...LAYERS.slice(0, index + 1).map((_, lower) => layerPath(lower))] },
  });
  forbidden.push({
    name: `relation-value-import-from-${file.replace(/[^a-z]+/g, '-')}`,
    comment: `${file} names its higher related entities by string and imports their types only (import type).`,
    severity: 'error',
    from: { path: `${SRC}${file}$` },
    to: { path: allowed, dependencyTypesNot: ['type-only'] },
  });
}

forbidden.push(
  {
    name: 'no-circular',
    comment: 'Modules import each other in one direction; the ORM relations above are type-only and do not count.',
    severity: 'error',
    from: { path: SRC, pathNot: TESTS },
    to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
  },
  {
    name: 'widgets-internal-is-internal',
    comment: 'internal/ serves the components; it never imports a component.',
    severity: 'error',
    from: { path: '^packages/widgets/src/internal/' },
    to: { path: '^packages/widgets/src/components/' },
  },
  {
    name: 'widgets-components-apart',
    comment: 'A component imports another component only through its tag; importing one component registers one tag.',
    severity: 'error',
    from: { path: '^packages/widgets/src/components/([^/]+)/', pathNot: TESTS },
    to: { path: '^packages/widgets/src/components/', pathNot: '^packages/widgets/src/components/$1/' },
  },
  {
    name: 'not-to-unresolvable',
    comment: 'Every import resolves (type-only packages such as @graphql-typed-document-node/core ship typings alone).',
    severity: 'error',
    from: {},
    to: { couldNotResolve: true, pathNot: '^@graphql-typed-document-node/core$' },
  },
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/dist/', '/generated/', 'node_modules'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
