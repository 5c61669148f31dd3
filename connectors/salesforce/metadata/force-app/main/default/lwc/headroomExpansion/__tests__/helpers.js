/**
 * Shared by the headroomExpansion Jest tests: mount the card on a record page and feed its wires
 * the recorded UI API responses that test/lwc/fixtures.ts generates.
 */
import { createElement } from '@lwc/engine-dom';
import HeadroomExpansion from 'c/headroomExpansion';
import { getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';

export function mount(recordId, objectApiName = 'Account') {
  const element = createElement('c-headroom-expansion', { is: HeadroomExpansion });
  element.recordId = recordId;
  element.objectApiName = objectApiName;
  document.body.appendChild(element);
  return element;
}

export function unmountAll() {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
}

/** Wait for wire emissions, promise callbacks and re-renders to settle. */
export async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** Emit an account record to the account wire, and its related list. */
export async function emitAccount(record, list) {
  await settle(); // the wires take their config from the record page's ids first
  getRecord.emit(record, (config) => config.recordId === record.id);
  getRelatedListRecords.emit(list, (config) => config.parentRecordId === record.id);
  await settle();
}

export const $ = (root, selector) => root.shadowRoot.querySelector(selector);
export const $$ = (root, selector) => [...root.shadowRoot.querySelectorAll(selector)];
export const text = (root, selector) => $(root, selector)?.textContent.replace(/\s+/g, ' ').trim();
export const summaryOf = (element) => $(element, 'c-headroom-expansion-summary');
export const rowsOf = (element) => $$(element, 'c-headroom-expansion-opportunity');

/** A whole amount in a money text (`$22,320.00`, `$22,320`, `EUR 1,200`). */
export const amount = (s) => Math.round(Number(String(s).replace(/[^0-9.-]/g, '')));
