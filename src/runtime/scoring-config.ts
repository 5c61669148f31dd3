/** The catalog and scoring settings a run uses, loaded and validated once. */
import { existsSync } from 'node:fs';
import { resolveCatalog } from '../config/catalog.js';
import { loadYamlFile } from '../config/load-yaml.js';
import type { Env } from '../env.js';
import type { Catalog } from '../model/catalog.js';
import type { DeclaredScales, Scales } from '../model/scales.js';
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

/**
 * The settings a connection's run scores with: the mapping's declared `scales` win over the
 * settings' own (`config/scoring.yaml` `scales`, each `auto` by default) where they name one.
 */
export function withDeclaredScales<S extends object>(
  settings: S,
  declared: DeclaredScales | undefined,
): S {
  if (!declared || Object.keys(declared).length === 0) return settings;
  const own = (settings as { scales?: Partial<Scales> }).scales ?? {};
  return { ...settings, scales: { ...own, ...declared } };
}
