export * from './global-id';
export * from './node';
export * from './scalars';
export * from './input-validation';
export * from './mutation';
export * from './payload';
export * from './inputs';
export * from './records';
