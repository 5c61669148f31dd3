import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import {
  loadConnections,
  parseConnections,
  resolveConnection,
} from '../../src/sync/connections.js';

const FILE = `
connections:
  - name: sf-prod
    connector: salesforce
    writeBack: true
    schedule: "*/30 * * * *"
    timezone: Europe/Berlin
    options:
      instanceUrl: \${SF_URL}
      apiVersion: "\${SF_API_VERSION:-62.0}"
  - name: demo
    connector: files
    mapping: mappings/files.yaml
    options: { source: examples/demo }
`;

describe('connections file', () => {
  it('reads connections and resolves environment references', () => {
    const [sf, demo] = parseConnections(FILE, 'connections.yaml', {
      SF_URL: 'https://example.my.salesforce.com',
    });
    expect(sf).toEqual({
      name: 'sf-prod',
      connector: 'salesforce',
      writeBack: true,
      schedule: '*/30 * * * *',
      timezone: 'Europe/Berlin',
      options: { instanceUrl: 'https://example.my.salesforce.com', apiVersion: '62.0' },
    });
    expect(demo).toMatchObject({ name: 'demo', writeBack: false, mapping: 'mappings/files.yaml' });
  });

  it('names the key of every problem at once', () => {
    const bad = `
connections:
  - name: a
    connector: files
    schedule: every hour
    timezone: Mars/Olympus
    extra: 1
  - name: a
    connector: files
`;
    let error: unknown;
    try {
      parseConnections(bad, 'connections.yaml', {});
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.path);
    expect(problems).toEqual(
      expect.arrayContaining([
        'connections.0.schedule',
        'connections.0.timezone',
        'connections.0',
        'connections.1.name',
      ]),
    );
  });

  it('refuses a reference to an unset variable without guessing', () => {
    expect(() => parseConnections(FILE, 'connections.yaml', {})).toThrow(
      /connections\.0\.options\.instanceUrl: environment variable SF_URL is not set/,
    );
  });

  it('loads the mapping of a connection and checks it is for the same connector', () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-conn-'));
    try {
      writeFileSync(
        join(dir, 'connections.yaml'),
        'connections:\n  - { name: demo, connector: files }\n  - { name: odd, connector: hubspot, mapping: mappings/files.yaml }\n',
      );
      const [demo, odd] = loadConnections(join(dir, 'connections.yaml'), {});
      const resolved = resolveConnection(demo!, process.cwd());
      expect(resolved.mapping.objects.account?.from).toBe('accounts');
      expect(resolved.mappingFile).toMatch(/mappings\/files\.yaml$/);
      expect(() => resolveConnection(odd!, process.cwd())).toThrow(/uses the hubspot connector/);
      expect(() => loadConnections(join(dir, 'missing.yaml'))).toThrow(/cannot read the file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
