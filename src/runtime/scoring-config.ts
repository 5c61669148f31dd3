/** The catalog and scoring settings a run uses, loaded and validated once. */
import { existsSync } from 'node:fs';
import { resolveCatalog } from '../config/catalog.js';
import { loadYamlFile } from '../config/load-yaml.js';
import type { Env } from '../env.js';
import type { Catalog } from '../model/catalog.js';
import { DEFAULT_SETTINGS, ScoringSettingsSchema, type ScoringSettings } from '../scoring/index.js';

export interface ScoringConfig {
  catalog: Catalog;
  catalogFile: string;
  settings: ScoringSettings;
  settingsFile: string | undefined;
}

/** `folder`: a files-connector folder whose own catalog.yaml takes precedence. */
export function loadScoringConfig(env: Env, folder?: string): ScoringConfig {
  const { catalog, file } = resolveCatalog(env.HEADROOM_CATALOG, folder);
  const settingsFile = existsSync(env.HEADROOM_SCORING) ? env.HEADROOM_SCORING : undefined;
  const settings = settingsFile
    ? loadYamlFile(ScoringSettingsSchema, settingsFile)
    : DEFAULT_SETTINGS;
  return { catalog, catalogFile: file, settings, settingsFile };
}
