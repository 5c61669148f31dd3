/**
 * A local preview of the HubSpot card: the component tree HubSpot's testing renderer produced,
 * written out as plain HTML so a real browser can show it. Each HubSpot component becomes the
 * closest HTML element; the preview's own stylesheet imitates HubSpot's look only roughly (the
 * card itself has no CSS: HubSpot draws its components). Unknown components are shown by name,
 * so nothing the card renders is silently dropped.
 */
import {
  RenderedNodeType,
  type RenderedChildNode,
  type RenderedRootNode,
} from '@hubspot/ui-extensions/testing';

const esc = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

type Props = Record<string, unknown>;
const str = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : '';

const TAGS: Record<string, (p: Props, inner: string) => string> = {
  Flex: (p, i) =>
    `<div class="flex ${p.direction === 'row' ? 'row' : 'col'} gap-${str(p.gap) || 'sm'}">${i}</div>`,
  Tile: (_p, i) => `<section class="tile">${i}</section>`,
  Heading: (_p, i) => `<h4>${i}</h4>`,
  Text: (p, i) => `<p class="${p.variant === 'microcopy' ? 'micro' : ''}">${i}</p>`,
  Tag: (p, i) => `<span class="tag ${str(p.variant) || 'default'}">${i}</span>`,
  StatusTag: (p, i) => `<span class="status ${str(p.variant)}"><i></i>${i}</span>`,
  Statistics: (_p, i) => `<div class="stats">${i}</div>`,
  StatisticsItem: (p, i) =>
    `<div class="stat"><div class="label">${esc(str(p.label))}</div><div class="number">${esc(str(p.number))}</div>${i}</div>`,
  DescriptionList: (_p, i) => `<dl>${i}</dl>`,
  DescriptionListItem: (p, i) => `<div><dt>${esc(str(p.label))}</dt><dd>${i}</dd></div>`,
  ButtonRow: (_p, i) => `<div class="buttons">${i}</div>`,
  Button: (p, i) =>
    `<button class="${str(p.variant) || 'secondary'}"${p.disabled ? ' disabled' : ''}>${i}</button>`,
  TextArea: (p) =>
    `<label class="field">${esc(str(p.label))}${p.required ? ' *' : ''}<textarea rows="3">${esc(str(p.value))}</textarea><span class="micro">${esc(str(p.description))}</span></label>`,
  Divider: () => '<hr />',
  Alert: (p, i) =>
    `<div class="alert ${str(p.variant)}"><strong>${esc(str(p.title))}</strong> ${i}</div>`,
  Link: (p, i) => {
    const href = typeof p.href === 'string' ? p.href : str((p.href as Props | undefined)?.url);
    return `<a href="${esc(href)}">${i} ↗</a>`;
  },
  EmptyState: (p, i) =>
    `<div class="state"><div class="art">○</div><h3>${esc(str(p.title))}</h3>${i}</div>`,
  ErrorState: (p, i) =>
    `<div class="state error"><div class="art">⚠</div><h3>${esc(str(p.title))}</h3>${i}</div>`,
  LoadingSpinner: (p) =>
    `<div class="state"><div class="spinner"></div><p>${esc(str(p.label))}</p></div>`,
};

function html(node: RenderedChildNode): string {
  if (node.nodeType === RenderedNodeType.Text) return esc(node.text);
  if (node.name === 'List')
    return `<ul>${node.childNodes.map((c) => `<li>${html(c)}</li>`).join('')}</ul>`;
  const inner = node.childNodes.map(html).join('');
  const tag = TAGS[node.name];
  return tag
    ? tag(node.props as Props, inner)
    : `<div class="unknown">[${node.name}] ${inner}</div>`;
}

const STYLE = `body{margin:0;padding:24px;background:#f5f8fa;font:14px/1.5 "Lexend Deca",system-ui,sans-serif;color:#33475b}
.frames{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:24px;align-items:start}
.frame{background:#fff;border:1px solid #cbd6e2;border-radius:4px}.frame>header{padding:12px 16px;border-bottom:1px solid #cbd6e2;font-weight:600}
.frame>header small{color:#7c98b6;font-weight:400;margin-left:8px}.frame>.body{padding:16px}
.flex{display:flex}.col{flex-direction:column}.row{flex-direction:row;flex-wrap:wrap;align-items:center}.gap-xs{gap:4px}.gap-sm{gap:8px}.gap-md{gap:16px}
.tile{border:1px solid #cbd6e2;border-radius:4px;padding:12px}h4{margin:0;font-size:15px}p{margin:0}.micro{font-size:12px;color:#516f90}
.tag{background:#eaf0f6;border:1px solid #cbd6e2;border-radius:3px;padding:0 8px;font-size:12px}.tag.success{background:#e5f8f6;border-color:#7fded2}.tag.warning{background:#fef8f0;border-color:#fae0b5}.tag.info{background:#e5f5f8;border-color:#7fd1de}
.status{font-size:12px;display:inline-flex;align-items:center;gap:6px}.status i{width:8px;height:8px;border-radius:50%;background:#7c98b6}.status.success i{background:#00bda5}.status.warning i{background:#f5c26b}.status.danger i{background:#f2545b}
.stats{display:flex;gap:32px}.stat .label{font-size:12px;text-transform:uppercase;color:#516f90}.stat .number{font-size:26px;font-weight:300}
dl{display:flex;gap:24px;margin:0}dt{font-size:12px;color:#516f90}dd{margin:0;font-weight:600}
.buttons{display:flex;gap:8px}button{border-radius:3px;padding:6px 14px;font:inherit;border:1px solid #ff7a59;background:#fff;color:#ff7a59}button.primary{background:#ff7a59;color:#fff}button.destructive{background:#f2545b;border-color:#f2545b;color:#fff}button:disabled{opacity:.45}
.field{display:flex;flex-direction:column;gap:4px;font-weight:600}textarea{font:inherit;border:1px solid #cbd6e2;border-radius:3px;padding:6px;background:#f5f8fa}
hr{border:0;border-top:1px solid #cbd6e2;width:100%}ul{margin:0;padding-left:20px}a{color:#0091ae;text-decoration:none;font-weight:600}
.alert{border-left:4px solid #00bda5;background:#e5f8f6;padding:8px 12px}.alert.error{border-color:#f2545b;background:#fde8e9}
.state{text-align:center;padding:24px}.state .art{font-size:40px}.spinner{width:28px;height:28px;margin:0 auto 8px;border:3px solid #cbd6e2;border-top-color:#ff7a59;border-radius:50%}
.unknown{outline:1px dashed red}`;

/** One page showing each rendered card in its own frame, titled. */
export function previewPage(
  frames: { title: string; note: string; root: RenderedRootNode }[],
): string {
  const body = frames
    .map(
      (f) =>
        `<article class="frame"><header>${esc(f.title)}<small>${esc(f.note)}</small></header><div class="body">${f.root.childNodes.map(html).join('')}</div></article>`,
    )
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Headroom HubSpot card preview</title><style>${STYLE}</style></head><body><div class="frames">${body}</div></body></html>`;
}
