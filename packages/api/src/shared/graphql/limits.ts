import { QueryLimitErrorReason } from '../errors/reasons';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

/**
 * Limits on a request's shape, checked while the document is validated, before any resolver runs.
 * Refusals name what was exceeded but not the limit, so a caller cannot tune a query to sit just under it.
 */
export interface QueryLimits {
  /** Deepest selection nesting. */
  depth: number;
  /** Aliased fields in a document. */
  aliases: number;
  /** Directives in a document. */
  directives: number;
  /** Estimated cost: each field costs 1, times the page sizes of the lists it sits in. */
  cost: number;
  /** Tokens the parser reads before giving up. */
  tokens: number;
}

export const DEFAULT_LIMITS: QueryLimits = { depth: 12, aliases: 30, directives: 20, cost: 250_000, tokens: 5_000 };

/** Page size assumed for a list whose `first`/`last` is not a literal (the API's default page). */
const DEFAULT_PAGE = 20;
/** Largest page the API serves; a larger literal is refused by the field itself. */
const MAX_PAGE = 100;

const LIMIT_WORDS: Record<QueryLimitErrorReason, string> = {
  NESTED_TOO_DEEPLY: 'nested too deeply',
  TOO_MANY_ALIASES: 'too many aliases',
  TOO_MANY_DIRECTIVES: 'too many directives',
  ESTIMATED_COST_TOO_HIGH: 'estimated cost too high',
  TOO_MANY_TOKENS: 'too many tokens',
};

function refuse(context: ValidationContext, what: string, reason: QueryLimitErrorReason): void {
  context.reportError(
    new GraphQLError(`请求过于复杂：${what} (the request is too complex: ${LIMIT_WORDS[reason]})`, {
      extensions: { code: 'QUERY_TOO_COMPLEX', reason },
    }),
  );
}

function pageSize(args: readonly { name: { value: string }; value: ValueNode }[] | undefined): number {
  for (const arg of args ?? []) {
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    if (arg.value.kind === Kind.INT) return Math.min(MAX_PAGE, Math.max(1, Number(arg.value.value)));
    // Variables are not known while validating: assume the largest page.
    return MAX_PAGE;
  }
  return 0;
}

/** The fields that begin introspection: what they select is answered from the schema in memory. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Walks an operation with its fragments, returning its depth and cost. Within introspection a
 * type's `ofType` adds no depth: it is the one type a list or non-null wraps, a chain without fan-out
 * that explorers and client generators ask for nine levels deep (`[[Int!]!]!` wraps five times), so
 * a query of the schema is not refused as too deep. The token limit bounds how long a chain can be.
 */
function measure(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  multiplier: number,
  seen: Set<string>,
  introspection = false,
): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += multiplier;
      if (selection.selectionSet) {
        // A connection (it selects nodes or edges) runs its selection once per item of its page.
        const connection = selection.selectionSet.selections.some(
          (s) => s.kind === Kind.FIELD && (s.name.value === 'nodes' || s.name.value === 'edges'),
        );
        const page = pageSize(selection.arguments) || (connection ? DEFAULT_PAGE : 1);
        const inIntrospection = introspection || INTROSPECTION_ROOTS.has(selection.name.value);
        const child = measure(selection.selectionSet, fragments, multiplier * page, seen, inIntrospection);
        const wrapped = introspection && selection.name.value === 'ofType';
        depth = Math.max(depth, child.depth + (wrapped ? 0 : 1));
        cost += child.cost;
      } else {
        depth = Math.max(depth, 1);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const child = measure(selection.selectionSet, fragments, multiplier, seen, introspection);
      depth = Math.max(depth, child.depth);
      cost += child.cost;
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue; // unknown and cyclic spreads are refused by standard rules
      seen.add(name);
      const child = measure(fragment.selectionSet, fragments, multiplier, seen, introspection);
      seen.delete(name);
      depth = Math.max(depth, child.depth);
      cost += child.cost;
    }
  }
  return { depth, cost };
}

/** Validation rules enforcing `limits` (page sizes given as variables count as the largest page). */
export function limitRules(limits: QueryLimits = DEFAULT_LIMITS) {
  const aliasesAndDirectives = (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let directives = 0;
    let reported = false;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
        if (!reported && aliases > limits.aliases) {
          reported = true;
          refuse(context, '别名过多', QueryLimitErrorReason.TOO_MANY_ALIASES);
        }
      },
      Directive() {
        directives += 1;
        if (!reported && directives > limits.directives) {
          reported = true;
          refuse(context, '指令过多', QueryLimitErrorReason.TOO_MANY_DIRECTIVES);
        }
      },
    };
  };
  const depthAndCost = (context: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    return {
      OperationDefinition(node: OperationDefinitionNode) {
        const { depth, cost } = measure(node.selectionSet, fragments, 1, new Set());
        if (depth > limits.depth) refuse(context, '嵌套过深', QueryLimitErrorReason.NESTED_TOO_DEEPLY);
        else if (cost > limits.cost) refuse(context, '预计开销过大，请减小分页或字段', QueryLimitErrorReason.ESTIMATED_COST_TOO_HIGH);
      },
    };
  };
  // The schema has no subscriptions: say so in validation, not as a failure while executing.
  const noSubscriptions = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node: OperationDefinitionNode) {
      if (node.operation === 'subscription') {
        context.reportError(new GraphQLError('不支持订阅，请用查询 (subscriptions are not supported; use a query)', { nodes: [node] }));
      }
    },
  });
  return [aliasesAndDirectives, depthAndCost, noSubscriptions];
}
