import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFolderCatalog } from '../../../connectors/files/index.js';
import { ConfigError } from '../../../src/errors.js';
import { fixture } from './helpers.js';

const configCatalog = fileURLToPath(new URL('../../../config/catalog.yaml', import.meta.url));

describe('files connector: a folder catalog', () => {
  it('is undefined when the folder has none (config/catalog.yaml then applies)', () => {
    expect(loadFolderCatalog(fixture('dirty'))).toBeUndefined();
  });

  it('is read and validated when the folder has one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-cat-'));
    copyFileSync(configCatalog, join(dir, 'catalog.yaml'));
    const catalog = loadFolderCatalog(dir)!;
    expect(catalog.tiers.map((t) => t.key)).toEqual(['starter', 'professional', 'enterprise']);
  });

  it('is refused with the file and key path when invalid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-cat-'));
    writeFileSync(
      join(dir, 'catalog.yaml'),
      'tiers:\n  - key: starter\n    name: Starter\n    seatPrice: -1\n',
    );
    const err = (() => {
      try {
        loadFolderCatalog(dir);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toContain(join(dir, 'catalog.yaml'));
    expect((err as ConfigError).problems[0]!.path).toBe('tiers.0.seatPrice');
  });
});
