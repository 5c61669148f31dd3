/**
 * Load and check a mapping file: zod validates the shape (unknown keys refused), then every
 * neutral field on the left is checked against the model, with the closest names suggested, and
 * every declared `type` against the type its neutral field needs.
 */
import { closest, distance } from 'fastest-levenshtein';
import { ConfigError } from '../errors.js';
import { loadYamlFile, parseWith, parseYamlText } from '../config/load-yaml.js';
import type { FieldInfo } from '../../connectors/types.js';
import type { NeutralObject } from '../model/records.js';
import { NEUTRAL_FIELDS } from './neutral-fields.js';
import { fieldNames, MappingSchema, type Mapping, type ObjectMapping } from './schema.js';
import { typeMismatch } from './type-compat.js';

/** Up to three names closest to `name`, for "did you mean" messages. */
export function suggest(name: string, candidates: string[], max = 3): string[] {
  if (!candidates.length) return [];
  const lower = name.toLowerCase();
  const scored = candidates
    .map((c) => ({ c, d: distance(lower, c.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(3, Math.ceil(name.length / 2)))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c));
  const out = scored.slice(0, max).map((x) => x.c);
  return out.length ? out : [closest(name, candidates)];
}

function checkNeutralFields(mapping: Mapping): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const [object, spec] of Object.entries(mapping.objects) as [
    NeutralObject,
    ObjectMapping | undefined,
  ][]) {
    if (!spec) continue;
    const known = Object.keys(NEUTRAL_FIELDS[object]);
    for (const [path, field] of Object.entries(spec.fields)) {
      if (known.includes(path) || (object === 'account' && /^customFields\.[\w-]+$/.test(path))) {
        const mismatch = typeMismatch(object, path, field);
        if (mismatch)
          problems.push({ path: `objects.${object}.fields.${path}.type`, message: mismatch });
        continue;
      }
      problems.push({
        path: `objects.${object}.fields.${path}`,
        message: `"${path}" is not a neutral ${object} field; did you mean ${suggest(path, known)
          .map((s) => `"${s}"`)
          .join(' or ')}?`,
      });
    }
  }
  return problems;
}

/** Validate parsed mapping data. `file` names the source in errors. */
export function parseMapping(data: unknown, file: string): Mapping {
  const mapping = parseWith(MappingSchema, data, file);
  const problems = checkNeutralFields(mapping);
  if (problems.length) throw new ConfigError(file, problems);
  return mapping;
}

export function parseMappingText(text: string, file: string): Mapping {
  return parseMapping(parseYamlText(text, file), file);
}

export function loadMapping(file: string): Mapping {
  return parseMapping(loadYamlFile(MappingSchema, file), file);
}

/**
 * Check a mapping against the CRM's own field lists (from `describe`): a source field that does
 * not exist is refused with the closest existing names ("did you mean ARR__c?"). Relationship
 * paths (`Owner.Name`) are checked on their first segment (`OwnerId`/`Owner`).
 */
export function checkSourceFields(
  mapping: Mapping,
  fieldsByObject: Map<string, FieldInfo[]>,
  file: string,
): void {
  const problems: { path: string; message: string }[] = [];
  for (const [object, spec] of Object.entries(mapping.objects)) {
    if (!spec) continue;
    const fields = fieldsByObject.get(spec.from);
    if (!fields) continue;
    const names = fields.map((f) => f.name);
    const lower = new Set(names.map((n) => n.toLowerCase()));
    for (const [path, s] of Object.entries(spec.fields)) {
      const sources = typeof s === 'string' ? [s] : fieldNames(s);
      for (const src of sources) {
        const head = src.split('.')[0]!.toLowerCase();
        const relationship =
          src.includes('.') && (lower.has(`${head}id`) || lower.has(head.replace(/__r$/, '__c')));
        if (lower.has(src.toLowerCase()) || relationship) continue;
        problems.push({
          path: `objects.${object}.fields.${path}`,
          message: `${spec.from} has no field "${src}"; did you mean ${suggest(src, names)
            .map((n) => `"${n}"`)
            .join(' or ')}?`,
        });
      }
    }
  }
  if (problems.length) throw new ConfigError(file, problems);
}
