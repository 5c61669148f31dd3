import { describe, expect, it } from 'vitest';
import { escapeHtml, html, jsonScript, raw } from '../../src/server/html.js';

describe('html escaper', () => {
  it('escapes interpolated values so CRM text never becomes markup', () => {
    const name = '<script>alert("x")</script> & \'Co\'';
    expect(html`<td>${name}</td>`.value).toBe(
      '<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;</td>',
    );
  });

  it('keeps attribute values inside their quotes', () => {
    const evil = '" onmouseover="alert(1)';
    expect(html`<a title="${evil}">x</a>`.value).toBe(
      '<a title="&quot; onmouseover=&quot;alert(1)">x</a>',
    );
  });

  it('nests html fragments and raw markup without escaping them twice', () => {
    const inner = html`<b>${'a<b'}</b>`;
    expect(html`<p>${inner}${raw('<hr>')}</p>`.value).toBe('<p><b>a&lt;b</b><hr></p>');
  });

  it('joins arrays and renders null, undefined and false as nothing', () => {
    const items = ['<1>', '2'].map((x) => html`<li>${x}</li>`);
    // Prettier reflows html`` templates; the exact output is what is tested here.
    // prettier-ignore
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>&lt;1&gt;</li><li>2</li></ul>');
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
  });

  it('escapes a JSON block so a value cannot close the script element', () => {
    expect(jsonScript({ n: '</script><script>alert(1)</script>' }).value).not.toContain(
      '</script>',
    );
    expect(JSON.parse(jsonScript({ n: '</script>&' }).value)).toEqual({ n: '</script>&' });
    expect(escapeHtml('`')).toBe('&#96;');
  });
});
