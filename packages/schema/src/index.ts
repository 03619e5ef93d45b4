/** Types and typed documents generated from schema.graphql and the operations; see README. */
export * from './generated/graphql';
export * from './generated/error-reasons';
export * from './generated/input-limits';
