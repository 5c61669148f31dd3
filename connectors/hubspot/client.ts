/**
 * The one place the @hubspot/api-client `Client` is built. Two settings matter:
 * - `basePath` comes from configuration, so a proxy or a local plain-http server works;
 * - `numberOfApiCallRetries` stays 0 and no `limiterOptions` are given: the library's retry
 *   ignores `Retry-After`, and both its retry and its limiter are process-wide decorators
 *   (`ApiDecoratorService` is a singleton), not per connection. `request.ts` does both per
 *   connection instead.
 * No access token is set on the client: the token is sent per request (`auth.ts`), so an OAuth
 * refresh never mutates a client that other requests are using.
 */
import { Client } from '@hubspot/api-client';
import type { HubspotConfig } from './config.js';

export function buildHubspotClient(config: Pick<HubspotConfig, 'baseUrl'>): Client {
  return new Client({ basePath: config.baseUrl, numberOfApiCallRetries: 0 });
}

export type { Client as HubspotClient };
