export * from './connection';
export * from './keyset';
export * from './loaders';
export * from './paginate';
export * from './order';
export * from './selection';
