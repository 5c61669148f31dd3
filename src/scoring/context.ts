/**
 * Everything the detectors read about one account, computed once: its records, catalog tier,
 * seat facts and price, the free texts to match, health, engagement, confidence and renewal.
 */
import type { Tier } from '../model/catalog.js';
import type { Account, Segment, SignalKind } from '../model/records.js';
import type { ScoringSettings } from './settings/index.js';
import type { Benchmarks, CohortStats } from './detectors/benchmarks.js';
import { type CatalogIndex } from './catalog-index.js';
import { activeChampions, championMoves, type Departure, type DepartureHint } from './champions.js';
import { dataConfidence, type DataConfidence } from './confidence.js';
import { toDay } from './dates.js';
import { measureEngagement, type Engagement } from './engagement.js';
import { assessHealth, type HealthResult } from './health.js';
import type { AccountRecords } from './portfolio-index.js';
import { portfolioFacts, type PortfolioFacts } from './portfolio-facts.js';
import { renewalInfo, type RenewalInfo } from './renewal.js';
import { readings, windowTrend, type Reading } from './usage-series.js';

/** A piece of free text that may name a need: a signal's detail or a ticket theme. */
export interface TextItem {
  source: SignalKind | 'ticket_theme';
  text: string;
  field: string;
}

export interface AccountContext {
  account: Account;
  records: AccountRecords;
  asOf: string;
  asOfDay: number;
  settings: ScoringSettings;
  cx: CatalogIndex;
  tier: Tier | undefined;
  /** Licensed and active seats as of today (account.seats). */
  seats: { licensed: number; active: number } | undefined;
  /** Seat-metric readings, today's account.seats appended when newer than the history. */
  seatReadings: Reading[];
  /** Annual price of one more seat: the tier's, else the account's effective price. */
  seatPrice: number;
  /** Seats that per-seat prices apply to: licensed, else estimated from ARR. */
  seatBase: number;
  segment: Segment;
  texts: TextItem[];
  health: HealthResult;
  engagement: Engagement;
  confidence: DataConfidence;
  renewal: RenewalInfo;
  departures: Departure[];
  /** Champions whose email alone suggests a move: a check for the owner, not a departure. */
  departureHints: DepartureHint[];
  /** What was worked out once for the whole portfolio (scales, vocabularies). */
  facts: PortfolioFacts;
  cohort: CohortStats | undefined;
}

export function segmentOf(account: Account, s: ScoringSettings['benchmarks']): Segment {
  if (account.segment) return account.segment;
  if (account.arr >= s.enterpriseArr) return 'enterprise';
  return account.arr >= s.midMarketArr ? 'mid-market' : 'smb';
}

function seatReadingsOf(
  account: Account,
  rec: AccountRecords,
  asOf: string,
  asOfDay: number,
  metric: string,
): Reading[] {
  const rs = readings(rec.usage.get(metric), asOfDay, account.seats?.licensed);
  const last = rs[rs.length - 1];
  if (account.seats && (!last || last.day < asOfDay)) {
    rs.push({
      date: asOf,
      day: asOfDay,
      value: account.seats.active,
      limit: account.seats.licensed,
    });
  }
  return rs;
}

export function buildContext(
  account: Account,
  records: AccountRecords,
  asOf: string,
  settings: ScoringSettings,
  cx: CatalogIndex,
  benchmarks: Benchmarks,
  // Scoring one account on its own detects scales from that account alone.
  facts: PortfolioFacts = portfolioFacts([account], settings),
): AccountContext {
  const asOfDay = toDay(asOf);
  const tier = account.plan ? cx.catalog.tiers[cx.tierRank.get(account.plan) ?? -1] : undefined;
  const seats = account.seats;
  const seatPrice =
    tier?.seatPrice ??
    (seats?.licensed ? account.arr / seats.licensed : (cx.catalog.tiers[0]?.seatPrice ?? 0));
  const seatBase = seats?.licensed ?? (seatPrice > 0 ? Math.round(account.arr / seatPrice) : 0);
  const seatReadings = seatReadingsOf(account, records, asOf, asOfDay, settings.usage.seatMetric);
  const texts: TextItem[] = [];
  for (const sig of records.signals) {
    if (asOfDay - toDay(sig.date) > settings.modules.lookbackDays || sig.date > asOf) continue;
    texts.push({ source: sig.kind, text: sig.detail, field: `signals[${sig.kind}].detail` });
  }
  for (const theme of account.health?.ticketThemes ?? []) {
    texts.push({ source: 'ticket_theme', text: theme, field: 'health.ticketThemes' });
  }
  const { departures, hints } = championMoves(
    account,
    records.contacts,
    asOfDay,
    settings.champion,
    facts.freeMail,
  );
  const remaining = activeChampions(records.contacts, departures, settings.champion.roles).length;
  const trend = windowTrend(seatReadings, settings.usage.windowDays);
  const health = assessHealth(
    {
      account,
      asOf,
      asOfDay,
      signals: records.signals,
      usageTrendPct: trend?.pct,
      championsLost: departures.length,
      championsLeft: remaining,
      facts,
    },
    settings.health,
  );
  const segment = segmentOf(account, settings.benchmarks);
  return {
    account,
    records,
    asOf,
    asOfDay,
    settings,
    cx,
    tier,
    seats,
    seatReadings,
    seatPrice,
    seatBase,
    segment,
    texts,
    health,
    engagement: measureEngagement(account, records.contacts, asOfDay, settings),
    confidence: dataConfidence(account, records, tier !== undefined, settings.confidence),
    renewal: renewalInfo(account, records.deals, asOf, settings.timing),
    departures,
    departureHints: hints,
    facts,
    cohort: benchmarks.cohortOf(account, segment),
  };
}
