export * from './common';
export * from './messages';
export * from './operations';
export { createOpenApiDocument } from './openapi';
