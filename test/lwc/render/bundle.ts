/**
 * The local renderer of the headroomExpansion LWC: the component bundles compiled by the LWC
 * compiler (@lwc/rollup-plugin, the same compiler sfdx-lwc-jest runs) into one browser script
 * with @lwc/engine-dom and synthetic shadow (as Lightning Experience runs them, so SLDS-style
 * global classes apply). Base components and Lightning Data Service are the stand-ins in
 * `modules/lightning/`; LDS answers from the recorded UI API responses the page carries.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import lwc from '@lwc/rollup-plugin';
import { rollup, type Plugin } from 'rollup';
import { LWC_DIR } from '../fixtures.js';

const ENTRY = '\0headroom-entry';
const MODULES = join(import.meta.dirname, 'modules');

/** The page mounts the card on the record page it is told about (window.HEADROOM_PAGE). */
const entry = `
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import HeadroomExpansion from 'c/headroomExpansion';
const page = window.HEADROOM_PAGE;
const card = createElement('c-headroom-expansion', { is: HeadroomExpansion });
card.recordId = page.recordId;
card.objectApiName = page.objectApiName;
document.getElementById('region').appendChild(card);
`;

/** `@salesforce/schema/Object.Field` references and `@salesforce/apex`, as the platform gives them. */
function salesforceModules(): Plugin {
  return {
    name: 'headroom-salesforce-modules',
    resolveId(id) {
      if (id === ENTRY || id.startsWith('@salesforce/')) return `\0${id.replace(/^\0/, '')}`;
      return null;
    },
    load(id) {
      if (id === ENTRY) return entry;
      const schema = /^\0@salesforce\/schema\/(\w+)\.(\w+)$/.exec(id);
      if (schema) {
        return `export default ${JSON.stringify({ objectApiName: schema[1], fieldApiName: schema[2] })};`;
      }
      if (id === '\0@salesforce/apex') return 'export const refreshApex = async () => undefined;';
      return null;
    },
    transform(code) {
      // The engine's development checks read process.env.NODE_ENV; a browser has no process.
      return code.includes('process.env.NODE_ENV')
        ? code.replaceAll('process.env.NODE_ENV', JSON.stringify('production'))
        : null;
    },
  };
}

export async function bundleCard(): Promise<string> {
  const components = readdirSync(LWC_DIR).map((name) => ({
    name: `c/${name}`,
    path: join(LWC_DIR, name, `${name}.js`),
  }));
  const build = await rollup({
    input: ENTRY,
    plugins: [salesforceModules(), lwc({ modules: [...components, { dir: MODULES }] })],
    onwarn: (warning, warn) => {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  const { output } = await build.generate({ format: 'iife' });
  await build.close();
  return output[0].code;
}
