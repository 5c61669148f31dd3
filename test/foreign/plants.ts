/**
 * The evidence of each planted need in the account's own records: workaround, initiative and
 * competitor signals and ticket themes in the trade's words, acquisitions and new depots, and
 * noise signals that name no need at all. Each planted need is for a module the account does not
 * own, so a correct reading is an add-on (or a displacement), never an activation.
 */
import { addDays } from './calendar.js';
import { FOREIGN_CATALOG } from './catalog.js';
import type { Rng } from './random.js';
import type { Row } from './rows.js';
import type { Plant } from './truth.js';
import { ACQUIRED, COMPETITOR_TEXTS, NEED_TEXTS, NEUTRAL_TEXTS, NEW_OFFICES } from './world.js';

/** Short ticket-theme forms of each module's need. */
const NEED_THEMES: Record<string, string> = {
  'fleet-gps': 'vehicle tracking',
  stockroom: 'parts shortages',
  'ledger-link': 'quickbooks',
  'permit-pack': 'incident reports',
  'client-hub': 'appointment reminders',
};

export interface PlantedEvidence {
  signals: Row[];
  themes: string[];
  /** The module each need or competitor plant is about. */
  modules: Partial<Record<Plant, string>>;
}

const signal = (accountId: string, date: string, kind: string, detail: string): Row => ({
  account_id: accountId,
  date,
  kind,
  detail,
  value: '',
});

export function plantEvidence(
  rng: Rng,
  accountId: string,
  asOf: string,
  plants: readonly Plant[],
  owned: readonly string[],
): PlantedEvidence {
  const out: PlantedEvidence = { signals: [], themes: [], modules: {} };
  const recent = () => addDays(asOf, -rng.int(8, 120));
  const free = FOREIGN_CATALOG.modules.map((m) => m.key).filter((k) => !owned.includes(k));
  for (const plant of plants) {
    if (plant === 'add_on') {
      const key = rng.pick(free.filter((k) => k !== out.modules.displacement));
      out.modules.add_on = key;
      const r = rng.next();
      if (r < 0.2) out.themes.push(NEED_THEMES[key]!);
      else
        out.signals.push(
          signal(
            accountId,
            recent(),
            r < 0.65 ? 'workaround' : 'initiative',
            rng.pick(NEED_TEXTS[key]!),
          ),
        );
    } else if (plant === 'displacement') {
      const key = rng.pick(free.filter((k) => COMPETITOR_TEXTS[k] && k !== out.modules.add_on));
      out.modules.displacement = key;
      out.signals.push(signal(accountId, recent(), 'competitor', COMPETITOR_TEXTS[key]!));
    } else if (plant === 'acquisition') {
      const n = rng.int(15, 80);
      out.signals.push(
        signal(
          accountId,
          recent(),
          'acquisition',
          `Acquired ${rng.pick(ACQUIRED)} (${n} technicians)`,
        ),
      );
    } else if (plant === 'new_office') {
      out.signals.push(
        signal(accountId, recent(), 'new_office', `Opened a depot in ${rng.pick(NEW_OFFICES)}`),
      );
    }
  }
  if (rng.chance(0.4)) {
    const [kind, text] = rng.pick(NEUTRAL_TEXTS);
    out.signals.push(signal(accountId, addDays(asOf, -rng.int(5, 300)), kind, text));
  }
  return out;
}
