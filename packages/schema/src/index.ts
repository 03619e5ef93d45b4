/** Types and typed documents generated from schema.graphql and the operations; see README. */
export * from './generated/graphql';
export * from './generated/error-reasons';
export * from './generated/input-limits';
export { PERSISTED_OPERATIONS as PUBLIC_PERSISTED_OPERATIONS, OPERATION_IDS as PUBLIC_OPERATION_IDS } from './generated/public-persisted';
export { canonicalJson, signedText, snapshotPath, type SnapshotFile } from './snapshot';
