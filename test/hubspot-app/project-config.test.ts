/**
 * The HubSpot project's configuration agrees with itself and with the server: the card's server
 * URL is allow-listed for hubspot.fetch, the app asks for the scopes the connector needs, the
 * card's entry point exists, and the card resolves the record it sits on.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES } from '../../connectors/hubspot/config.js';
import { HEADROOM_SERVER_URL } from '../../connectors/hubspot/app/src/app/cards/server-url.ts';
import { cardTarget } from '../../connectors/hubspot/app/src/app/cards/target.ts';
import { checkServerUrl, setServerUrl } from '../../connectors/hubspot/app/set-server-url.ts';

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

describe('npm run hubspot:server-url', () => {
  it('writes one server URL into the card and its allow-list, refusing what HubSpot would', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hs-app-'));
    cpSync(join(APP, 'src'), join(dir, 'src'), { recursive: true });
    const checked = checkServerUrl('https://crm-tools.acme.example/headroom/');
    expect(checked).toEqual({ url: 'https://crm-tools.acme.example/headroom' });
    setServerUrl(dir, 'https://crm-tools.acme.example/headroom');
    expect(readFileSync(join(dir, 'src/app/cards/server-url.ts'), 'utf8')).toContain(
      "HEADROOM_SERVER_URL = 'https://crm-tools.acme.example/headroom';",
    );
    const meta = JSON.parse(readFileSync(join(dir, 'src/app/app-hsmeta.json'), 'utf8'));
    expect(meta.config.permittedUrls.fetch).toEqual(['https://crm-tools.acme.example/headroom']);
    expect(meta.config.auth.requiredScopes).toEqual(expect.arrayContaining(DEFAULT_SCOPES));
    expect(checkServerUrl('http://crm-tools.acme.example')).toHaveProperty('problem');
    expect(checkServerUrl('https://x.example/?token=1')).toHaveProperty('problem');
    expect(checkServerUrl('headroom')).toHaveProperty('problem');
  });
});
