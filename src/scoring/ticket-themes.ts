/**
 * Ticket themes read by meaning: the settings' vocabulary (`ticketThemes`) says which themes are
 * enablement (how-to, configuration, permissions, onboarding, training: a training, support or
 * services opportunity) and which are risk (outage, data loss, bugs, performance). Risk words win
 * over enablement words in one theme; a theme matching neither stays unclassified.
 *
 * Matching is by whole words, case-insensitive, singular and plural alike, and tolerant of
 * separators: "How-to questions", "howto", "how to" and "HOW_TO" all match "how to".
 */
import type { TicketThemes } from './settings/themes.js';

export type ThemeClass = 'enablement' | 'risk';

export interface ClassifiedThemes {
  enablement: string[];
  risk: string[];
  other: string[];
}

export interface ThemeClassifier {
  classify(theme: string): ThemeClass | undefined;
  /** The account's themes split by class, each in input order. */
  split(themes: readonly string[]): ClassifiedThemes;
}

/** "Outages" → "outage", "queries" → "query"; "access", "status", "analysis" stay. Both the
 * vocabulary and the themes go through it, so the rule only has to be consistent. */
function singular(word: string): string {
  if (word.length <= 3 || /(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes|zes)$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

const tokens = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .map(singular);

/** Words of a vocabulary entry glued together: "how to", "how-to" and "howto" are one key. */
const key = (entry: string): string => tokens(entry).join('');

/** Longest run of theme words compared against the vocabulary. */
const MAX_WINDOW = 4;

export function compileThemes(v: TicketThemes): ThemeClassifier {
  const vocab = new Map<string, ThemeClass>();
  for (const w of v.enablement) vocab.set(key(w), 'enablement');
  for (const w of v.risk) vocab.set(key(w), 'risk');
  vocab.delete('');
  // Themes repeat across a portfolio: classify each distinct text once.
  const seen = new Map<string, ThemeClass | undefined>();
  const classifyNew = (theme: string): ThemeClass | undefined => {
    const t = tokens(theme);
    let found: ThemeClass | undefined;
    for (let i = 0; i < t.length && found !== 'risk'; i++) {
      let run = '';
      for (let j = i; j < Math.min(t.length, i + MAX_WINDOW); j++) {
        run += t[j]!;
        const c = vocab.get(run);
        if (c === 'risk') return c;
        if (c) found = c;
      }
    }
    return found;
  };
  const classify = (theme: string): ThemeClass | undefined => {
    if (seen.has(theme)) return seen.get(theme);
    const c = classifyNew(theme);
    seen.set(theme, c);
    return c;
  };
  return {
    classify,
    split(themes) {
      const out: ClassifiedThemes = { enablement: [], risk: [], other: [] };
      for (const theme of themes) out[classify(theme) ?? 'other'].push(theme);
      return out;
    },
  };
}
