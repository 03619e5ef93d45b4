// @ts-check
/**
 * A graphql-codegen plugin: the operations of its documents as persisted operations. Each operation
 * is printed with the fragments it uses and identified by the SHA-256 of that text, the id Apollo's
 * persisted queries use. It writes `PERSISTED_OPERATIONS` (id → name and document), which the API
 * registers at start, and `OPERATION_IDS` (name → id), with which the widgets ask by GET.
 */
const { createHash } = require('node:crypto');
const { Kind, print, visit } = require('graphql');

/** @param {import('graphql').DocumentNode[]} documents */
function definitions(documents) {
  const operations = [];
  const fragments = new Map();
  for (const document of documents) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) operations.push(definition);
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
  }
  return { operations, fragments };
}

/** The fragments a definition uses, directly or through other fragments, sorted by name. */
function fragmentsOf(definition, fragments, seen = new Set()) {
  visit(definition, {
    FragmentSpread(node) {
      if (seen.has(node.name.value)) return;
      seen.add(node.name.value);
      const fragment = fragments.get(node.name.value);
      if (fragment) fragmentsOf(fragment, fragments, seen);
    },
  });
  return [...seen]
    .sort()
    .map((name) => fragments.get(name))
    .filter(Boolean);
}

module.exports = {
  plugin(_schema, documents) {
    const { operations, fragments } = definitions(documents.map((source) => source.document).filter(Boolean));
    const entries = operations
      .map((operation) => {
        const text = [operation, ...fragmentsOf(operation, fragments)].map((node) => print(node)).join('\n\n');
        return { name: operation.name.value, id: createHash('sha256').update(text).digest('hex'), text };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    const persisted = entries.map((entry) => `  '${entry.id}': { name: '${entry.name}', document: ${JSON.stringify(entry.text)} },`);
    const ids = entries.map((entry) => `  ${entry.name}: '${entry.id}',`);
    return [
      '/** The operations, by id (the SHA-256 of the document): what the API accepts by id alone. */',
      `export const PERSISTED_OPERATIONS: Readonly<Record<string, { name: string; document: string }>> = {\n${persisted.join('\n')}\n};`,
      '',
      '/** The id of each operation, by name. */',
      `export const OPERATION_IDS = {\n${ids.join('\n')}\n} as const;`,
      '',
    ].join('\n');
  },
};
