/**
 * The server's public surface: what `src/main.ts` and the CLI import.
 */
export { createApp, startServer } from './app.js';
export { serverConfigFromEnv, ServerEnvSchema, type ServerConfig } from './config.js';
export type { ConnectionInfo, MappingPreview, ServerDeps, ServerLog } from './deps.js';
export { HttpError } from './errors.js';
export {
  signEmbedLink,
  signHubspotRequest,
  verifyCanvasRequest,
  verifyEmbedLink,
  verifyHubspotSignature,
} from './signatures.js';
