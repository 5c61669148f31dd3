/** The generator's own view of one account while its rows are being made. */
import type { Catalog } from '../../src/model/catalog.js';
import type { Archetype } from './archetypes.js';
import type { Rng } from './random.js';

export type Segment = 'smb' | 'mid-market' | 'enterprise';
export type Lifecycle = 'customer' | 'trial' | 'free' | 'churned';

export interface GenAccount {
  index: number;
  id: string;
  name: string;
  domain: string;
  industry: string;
  region: string;
  segment: Segment;
  owner: { name: string; email: string };
  archetype: Archetype;
  championLeft: boolean;
  justRenewed: boolean;
  lifecycle: Lifecycle;
  plan: string;
  modules: string[];
  /** A module the account lacks and has signals for (add-on, competitor patterns). */
  target?: string;
  /** An owned module left unused (activation pattern). */
  idle?: string;
  licensed: number;
  /** Set from the last `active_seats` usage point. */
  active: number;
  employees: number;
  employeesPrior?: number;
  /** Day numbers (see dates.ts). */
  since: number;
  contractStart?: number;
  renewal?: number;
  termMonths?: number;
  churnedAt?: number;
  /** ARR at catalog prices for the current state (before churn: what it paid). */
  listArr: number;
  health: {
    score?: number;
    nps?: number;
    csat?: number;
    tickets: number;
    themes: string[];
    qbr?: { day: number; outcome: 'positive' | 'neutral' | 'negative' };
  };
  features: string[];
}

/** What every part of the generator receives. */
export interface GenContext {
  catalog: Catalog;
  asOf: number;
  weeks: number;
  /** 1: signals precede won expansions (learnable); 0: outcomes independent of signals. */
  outcomeSignal: number;
  rng: Rng;
}

/** A cell before formatting: dates are day numbers wrapped so the dirt step can reformat them. */
export type Cell = string | number | boolean | undefined | { day: number } | string[];
export type Row = Cell[];
