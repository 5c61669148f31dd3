/**
 * The one HTML escaper. Every page is built with the `html` tagged template: interpolated values
 * are escaped unless they are already `SafeHtml` (the result of another `html` call, or `raw()`
 * for markup the server itself wrote). CRM values therefore can never become markup: an account
 * named `<script>` renders as text.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Markup that is safe to insert as-is. Only `html` and `raw` create it. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escape text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c);
}

/** Markup the server wrote itself (never a CRM value). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template: `html\`<td>${account.name}</td>\``. Arrays are joined, `null`, `undefined`
 * and `false` render as nothing (so `${cond && html\`...\`}` works).
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/**
 * A value for a `<script type="application/json">` block: JSON with `<`, `>`, `&` and the line
 * separators escaped, so no CRM value can close the script element.
 */
export function jsonScript(value: unknown): SafeHtml {
  const json = JSON.stringify(value) ?? 'null';
  return raw(
    json
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}
