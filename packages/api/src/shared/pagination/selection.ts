import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The fields a selection set asks for by name, through inline fragments and fragment spreads. */
function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: FieldNode[] = []): FieldNode[] {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, info, into);
    else fieldsOf(info.fragments[selection.name.value]?.selectionSet, info, into);
  }
  return into;
}

/**
 * The fields asked of each node of the connection being resolved (`nodes { … }` and
 * `edges { node { … } }`), by field name: what a list may read ahead in the same statement.
 * Directives are not evaluated: a field under `@skip` counts as asked, which only reads ahead more.
 */
export function nodeFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  for (const connection of info.fieldNodes) {
    for (const field of fieldsOf(connection.selectionSet, info)) {
      if (field.name.value === 'nodes') for (const f of fieldsOf(field.selectionSet, info)) names.add(f.name.value);
      if (field.name.value === 'edges') {
        for (const edge of fieldsOf(field.selectionSet, info)) {
          if (edge.name.value === 'node') for (const f of fieldsOf(edge.selectionSet, info)) names.add(f.name.value);
        }
      }
    }
  }
  return names;
}
