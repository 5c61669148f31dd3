/**
 * The mapping editor: the connection's mapping YAML in a text area, "Preview" (apply it to a few
 * sample records pulled from the connection: the neutral records and the issues) and "Save"
 * (validated, versioned). A plain form: it works without script.
 */
import type { MappingPreview, ConnectionInfo } from '../deps.js';
import type { ConfigVersion } from '../config-files.js';
import { html, type SafeHtml } from '../html.js';
import { page } from './layout.js';
import { issuesTable } from './runs.js';
import { profileBlock } from './mapping-profile.js';

export function mappingsPage(connections: ConnectionInfo[]): SafeHtml {
  const body = html`
    <h1>Mappings</h1>
    <ul>
      ${connections.map((c) => html`<li><a href="/mappings/${encodeURIComponent(c.name)}">${c.name}</a> (${c.connector})</li>`)}
    </ul>
    ${connections.length === 0 && html`<p class="muted">No connection is configured.</p>`}
  `;
  return page({ title: 'Mappings', body, nav: true });
}

export interface EditorState {
  connection: ConnectionInfo;
  text: string;
  n: number;
  version?: ConfigVersion | undefined;
  preview?: MappingPreview;
  /** Validation problems (file, key path, message) of the text as submitted. */
  problems?: { path: string; message: string }[];
  saved?: number;
}

function previewBlock(p: MappingPreview): SafeHtml {
  const objects = Object.entries(p.records);
  return html`<section id="preview">
    <h2>Preview</h2>
    ${p.profile && profileBlock(p.profile)}
    <h3 class="${p.issues.length ? 'has-issues' : ''}">Issues (${p.issues.length})</h3>
    ${p.issues.length ? issuesTable(p.issues) : html`<p class="muted">No issue in these sample records.</p>`}
    ${objects.map(
      ([object, records]) =>
        html`<h3>${object} (${records.length})</h3>
          <pre class="records">${JSON.stringify(records, null, 2)}</pre>`,
    )}
  </section>`;
}

export function mappingEditorPage(s: EditorState): SafeHtml {
  const c = s.connection;
  const body = html`
    <h1>Mapping: ${c.name} <span class="muted">(${c.connector})</span></h1>
    <p class="muted">
      ${s.version ? html`Saved version ${s.version.version} on ${s.version.savedAt}${s.version.savedBy && html` by ${s.version.savedBy}`}` : 'Not saved from the console yet.'}
    </p>
    ${s.saved !== undefined && html`<p class="notice" id="saved">Saved as version ${s.saved}; the next sync uses it.</p>`}
    ${
      s.problems &&
      html`<div class="error" id="problems">
        <p>The mapping is not valid:</p>
        <ul>
          ${s.problems.map((p) => html`<li><code>${p.path || '(root)'}</code>: ${p.message}</li>`)}
        </ul>
      </div>`
    }
    <form method="post" action="/mappings/${encodeURIComponent(c.name)}" class="editor">
      <textarea name="text" rows="28" cols="100" spellcheck="false">${s.text}</textarea>
      <p>
        <label
          >Sample records <input type="number" name="n" min="1" max="50" value="${s.n}"
        /></label>
        <button type="submit" name="action" value="preview">Preview</button>
        <button type="submit" name="action" value="save">Save</button>
      </p>
    </form>
    ${s.preview && previewBlock(s.preview)}
  `;
  return page({ title: `Mapping ${c.name}`, body, nav: true });
}
