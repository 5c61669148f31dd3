/** `npm run lwc:fixtures`: regenerate the LWC's Jest fixtures and labels.js (test/lwc/fixtures.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildLwcFixtures, shortPath } from './fixtures.js';

for (const [file, text] of await buildLwcFixtures()) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${shortPath(file)}`);
}
