/**
 * Keyword matching of free text (signal details, ticket themes) against catalog keywords:
 * case-insensitive, on word boundaries, so "bi" matches "BI dashboards" but not "mobile".
 * Each keyword list compiles once into a single regular expression.
 */

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher returning the first keyword found in a text, or undefined. */
export interface KeywordMatcher {
  find(text: string): string | undefined;
  /** Every keyword found, in order of appearance, without repeats. */
  findAll(text: string): string[];
}

export function compileKeywords(keywords: readonly string[]): KeywordMatcher {
  const words = keywords.map((k) => k.trim().toLowerCase()).filter((k) => k.length > 0);
  if (words.length === 0) return { find: () => undefined, findAll: () => [] };
  // Longest first so "power bi" wins over "bi"; (?<![\w]) / (?![\w]) are word boundaries that
  // also hold around keywords that start or end with punctuation.
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  const body = sorted.map((w) => escape(w).replace(/[\s_-]+/g, '[\\s_-]+')).join('|');
  const source = `(?<![A-Za-z0-9])(${body})(?![A-Za-z0-9])`;
  const re = new RegExp(source, 'i');
  const all = new RegExp(source, 'gi');
  return {
    find(text: string) {
      return re.exec(text)?.[1]?.toLowerCase();
    },
    findAll(text: string) {
      return [...new Set(Array.from(text.matchAll(all), (m) => m[1]!.toLowerCase()))];
    },
  };
}

const isWordChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** Whether `text` contains `word` (already lower-case) on word boundaries, case-insensitively.
 * For one-off names (a department) where compiling a regular expression would cost more. */
export function containsWord(text: string, word: string): boolean {
  if (word.length === 0) return false;
  const hay = text.toLowerCase();
  for (let at = hay.indexOf(word); at >= 0; at = hay.indexOf(word, at + 1)) {
    const before = at === 0 ? 32 : hay.charCodeAt(at - 1);
    const after = at + word.length >= hay.length ? 32 : hay.charCodeAt(at + word.length);
    if (!isWordChar(before) && !isWordChar(after)) return true;
  }
  return false;
}
