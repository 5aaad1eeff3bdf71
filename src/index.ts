export { normalizeDomain } from './domain.ts';
export type { components, operations, paths } from './generated/openapi.ts';
