export { DomainValidationError } from './domain-validation.error';
export * from './credit-code';
export * from './phone';
export * from './rules';
