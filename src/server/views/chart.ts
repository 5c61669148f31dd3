/**
 * Inline SVG charts for the dashboard, drawn server-side (no chart library, no script): the
 * NRR/GRR projection as a waterfall from starting to ending ARR, and horizontal bars for the
 * pipeline. Colours are presentation attributes, not `style`, so the CSP stays strict.
 */
import { moneyShort, pct } from '../../narrative/format.js';
import { html, type SafeHtml } from '../html.js';

export interface Projection {
  startingArr: number;
  expectedExpansion: number;
  expectedChurn: number;
  endingArr: number;
  nrr: number;
  grr: number;
  grrWorstCase: number;
  currency: string;
}

const W = 640;
const H = 280;
const PAD = { top: 28, right: 16, bottom: 56, left: 16 };

const round = (n: number): number => Math.round(n * 10) / 10;

/** Starting ARR → + expected expansion → − expected churn → ending ARR, with NRR and GRR. */
export function projectionChart(p: Projection): SafeHtml {
  const steps = [
    { label: 'Starting ARR', from: 0, to: p.startingArr, fill: '#64748b' },
    {
      label: 'Expected expansion',
      from: p.startingArr,
      to: p.startingArr + p.expectedExpansion,
      fill: '#16a34a',
    },
    {
      label: 'Expected churn',
      from: p.startingArr + p.expectedExpansion,
      to: p.startingArr + p.expectedExpansion - p.expectedChurn,
      fill: '#dc2626',
    },
    { label: 'Ending ARR', from: 0, to: p.endingArr, fill: '#2563eb' },
  ];
  const max = Math.max(1, ...steps.map((s) => Math.max(s.from, s.to)));
  const plotH = H - PAD.top - PAD.bottom;
  const slot = (W - PAD.left - PAD.right) / steps.length;
  const y = (v: number): number => PAD.top + plotH - (v / max) * plotH;
  const bars = steps.map((s, i) => {
    const top = y(Math.max(s.from, s.to));
    const height = Math.max(1, Math.abs(y(s.from) - y(s.to)));
    const x = PAD.left + i * slot + slot * 0.15;
    const amount = s.to - s.from;
    const text = `${i === 1 ? '+' : i === 2 ? '−' : ''}${moneyShort(Math.abs(amount), p.currency)}`;
    return html`<g class="bar">
      <rect
        x="${round(x)}"
        y="${round(top)}"
        width="${round(slot * 0.7)}"
        height="${round(height)}"
        fill="${s.fill}"
      >
        <title>${s.label}: ${text}</title>
      </rect>
      <text x="${round(x + slot * 0.35)}" y="${round(top - 6)}" text-anchor="middle" font-size="12"
        >${text}</text
      >
      <text
        x="${round(x + slot * 0.35)}"
        y="${H - PAD.bottom + 18}"
        text-anchor="middle"
        font-size="12"
        >${s.label}</text
      >
    </g>`;
  });
  const caption = `NRR ${pct(p.nrr)} · GRR ${pct(p.grr)} · GRR worst case ${pct(p.grrWorstCase)}`;
  return html`<svg
    class="chart projection"
    viewBox="0 0 ${W} ${H}"
    width="${W}"
    height="${H}"
    role="img"
    aria-label="NRR and GRR projection"
    xmlns="http://www.w3.org/2000/svg"
  >
    <title>NRR and GRR projection</title>
    <line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(0)}" y2="${y(0)}" stroke="#94a3b8" />
    ${bars}
    <text x="${W / 2}" y="${H - 12}" text-anchor="middle" font-size="13" font-weight="600">
      ${caption}
    </text>
  </svg>`;
}

export interface BarRow {
  label: string;
  value: number;
}

/** Horizontal bars (pipeline ARR by tier or type); values formatted as money. */
export function barChart(title: string, rows: BarRow[], currency: string): SafeHtml {
  const rowH = 24;
  const labelW = 190;
  const width = 640;
  const height = rows.length * rowH + 8;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const span = width - labelW - 80;
  return html`<svg
    class="chart bars"
    viewBox="0 0 ${width} ${height}"
    width="${width}"
    height="${height}"
    role="img"
    aria-label="${title}"
    xmlns="http://www.w3.org/2000/svg"
  >
    <title>${title}</title>
    ${rows.map((r, i) => {
      const w = Math.max(1, (r.value / max) * span);
      const yy = i * rowH + 4;
      return html`<g>
        <text x="${labelW - 8}" y="${yy + 15}" text-anchor="end" font-size="12">${r.label}</text>
        <rect x="${labelW}" y="${yy}" width="${round(w)}" height="${rowH - 6}" fill="#2563eb" />
        <text x="${round(labelW + w + 6)}" y="${yy + 15}" font-size="12"
          >${moneyShort(r.value, currency)}</text
        >
      </g>`;
    })}
  </svg>`;
}
