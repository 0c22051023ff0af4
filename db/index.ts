/** The data layer's public surface: the handle, the repositories and the pure domain. */
export * from './client';
export * as schema from './schema';
export * from './secrets';
export * from './tenants';
export * from './users';
export * from './customers';
export * from './complaints';
export { isUniqueViolation } from './errors';
export * from './domain/errors';
export * from './domain/complaint-status';
export * from './domain/lifecycle';
export * from './domain/tracking-code';
