/**
 * The HTML page the local renderer loads: the SLDS stand-in, the recorded UI API responses
 * Lightning Data Service answers from, the record page the card sits on, and the card bundle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RecordPage {
  recordId: string;
  objectApiName: 'Account' | 'Expansion_Opportunity__c';
  /** Recorded getRecord responses, by record id. */
  records: Record<string, unknown>;
  /** Recorded getRelatedListRecords responses, by parent record id. */
  relatedLists: Record<string, unknown>;
}

const CSS = readFileSync(join(import.meta.dirname, 'slds-lite.css'), 'utf8');

// `<` is escaped so no response text can close the script element.
const json = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');

export function pageHtml(page: RecordPage, bundle: string): string {
  const { recordId, objectApiName, records, relatedLists } = page;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Headroom Expansion (local renderer)</title>
<style>${CSS}</style></head>
<body>
<div id="region"></div>
<script>
window.HEADROOM_PAGE = ${json({ recordId, objectApiName })};
window.HEADROOM_FIXTURES = ${json({ records, relatedLists })};
</script>
<script>${bundle.replaceAll('</script', '<\\/script')}</script>
</body>
</html>`;
}
