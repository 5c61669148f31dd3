/**
 * The Salesforce connector (jsforce): pull with REST paging or Bulk API 2.0, incremental by
 * SystemModstamp with deletions, field discovery, write-back through sObject Collections, API
 * limit guard, and a check of the installable metadata. Settings: `config.ts`.
 */
import type { ConnectorFactory, FieldInfo } from '../types.js';
import { SessionManager } from './auth.js';
import { SalesforceApi } from './client.js';
import { parseSalesforceOptions } from './config.js';
import { describeObject } from './describe.js';
import { pullObject } from './pull.js';
import { checkMetadata } from './setup.js';
import { findByKey } from './find-by-key.js';
import { writeBatch } from './write.js';

export {
  SalesforceEnvSchema,
  SalesforceOptionsSchema,
  salesforceOptionsFromEnv,
  SALESFORCE_ENV,
} from './config.js';
export type { SalesforceOptions } from './config.js';
export { createPkcePair, exchangeAuthorizationCode, startAuthorization } from './oauth.js';
export type { AuthorizationStart } from './oauth.js';
export { REFRESH_TOKEN_SECRET } from './auth.js';
export { parseWhere } from './soql.js';
export { to18 } from './ids.js';

export const createSalesforceConnector: ConnectorFactory = (ctx) => {
  const options = parseSalesforceOptions(ctx.options, `salesforce connection "${ctx.connection}"`);
  const api = new SalesforceApi(options, new SessionManager(options, ctx), ctx.log);
  const described = new Map<string, Promise<FieldInfo[]>>();
  return {
    name: 'salesforce',
    pull: (request) => pullObject(api, request, ctx.log),
    describe(object) {
      let fields = described.get(object);
      if (!fields) {
        fields = describeObject(api, object);
        // A failed describe is not cached: the next call asks again.
        fields.catch(() => described.delete(object));
        described.set(object, fields);
      }
      return fields;
    },
    write: (batch) => writeBatch(api, batch),
    find: (object, keyField, keys) => findByKey(api, object, keyField, keys),
    setup: (opts) => checkMetadata(api, opts),
    usage: () => api.usage(),
    async close() {
      described.clear();
    },
  };
};
