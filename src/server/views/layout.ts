/**
 * The page shell of the console and of the embedded view. The stylesheet is served
 * from /assets (same origin) and no page carries script, so the CSP needs no 'unsafe-inline'.
 */
import { html, type SafeHtml } from '../html.js';

export interface PageInput {
  title: string;
  body: SafeHtml;
  /** Show the console navigation (not in embedded views and on the login page). @default false */
  nav?: boolean;
  /** Compact layout for iframes inside Salesforce and HubSpot. @default false */
  embedded?: boolean;
}

const NAV: [string, string][] = [
  ['/', 'Dashboard'],
  ['/accounts', 'Accounts'],
  ['/mappings', 'Mappings'],
  ['/runs', 'Sync runs'],
];

/** A complete HTML document. */
export function page(input: PageInput): SafeHtml {
  const nav = input.nav
    ? html`<nav class="top">
        <strong>Headroom</strong>
        ${NAV.map(([href, label]) => html`<a href="${href}">${label}</a>`)}
      </nav>`
    : '';
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${input.title} · Headroom</title>
        <link rel="stylesheet" href="/assets/console.css" />
      </head>
      <body class="${input.embedded ? 'embedded' : 'console'}">
        ${nav}
        <main>${input.body}</main>
      </body>
    </html>`;
}
