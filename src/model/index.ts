export * from './records.js';
export * from './catalog.js';
export * from './output.js';
