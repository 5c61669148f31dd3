/**
 * The HubSpot project's configuration agrees with itself and with the server: the card's server
 * URL is allow-listed for hubspot.fetch, the app asks for the scopes the connector needs, the
 * card's entry point exists, and the card resolves the record it sits on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES } from '../../connectors/hubspot/config.js';
import { HEADROOM_SERVER_URL } from '../../connectors/hubspot/app/src/app/cards/server-url.ts';
import { cardTarget } from '../../connectors/hubspot/app/src/app/cards/target.ts';

const APP = 'connectors/hubspot/app';
const json = (path: string) => JSON.parse(readFileSync(join(APP, path), 'utf8'));

describe('connectors/hubspot/app', () => {
  it('targets developer platform 2025.2 with the app and card under src/app', () => {
    expect(json('hsproject.json')).toMatchObject({ srcDir: 'src', platformVersion: '2025.2' });
    const card = json('src/app/cards/expansion-card-hsmeta.json');
    expect(card.type).toBe('card');
    expect(card.config.objectTypes).toEqual(['companies', 'deals']);
    expect(existsSync(join(APP, 'src', card.config.entrypoint))).toBe(true);
  });

  it('allow-lists the server the card fetches from, and asks for the connector’s scopes', () => {
    const app = json('src/app/app-hsmeta.json');
    expect(app.config.permittedUrls.fetch).toContain(new URL(HEADROOM_SERVER_URL).origin);
    expect(HEADROOM_SERVER_URL.startsWith('https://')).toBe(true);
    expect(app.config.auth.requiredScopes).toEqual(expect.arrayContaining(DEFAULT_SCOPES));
  });
});

describe('cardTarget', () => {
  const props = (p: Record<string, string>) => async () => p;
  it('reads a company from the record, a deal from its headroom_key', async () => {
    expect(await cardTarget({ objectId: 4410001, objectTypeId: '0-2' }, props({}))).toEqual({
      kind: 'company',
      companyId: '4410001',
    });
    expect(
      await cardTarget({ objectId: 77, objectTypeId: '0-3' }, props({ headroom_key: ' k-1 ' })),
    ).toEqual({ kind: 'deal', opportunityId: 'k-1' });
    expect(await cardTarget({ objectId: 78, objectTypeId: '0-3' }, props({}))).toMatchObject({
      kind: 'none',
    });
    expect(await cardTarget({ objectId: 9, objectTypeId: '0-1' }, props({}))).toMatchObject({
      kind: 'none',
    });
  });
});
