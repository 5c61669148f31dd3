// .p3.tmp.ts
import { join as join2 } from "node:path";

// ../src/config/load-yaml.ts
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";

// ../src/errors.ts
var ConfigError = class extends Error {
  constructor(file, problems, options) {
    super(
      `${file}: ${problems.length === 1 ? "invalid" : `${problems.length} problems`}
` + problems.map((p2) => `  - ${p2.path || "(root)"}: ${p2.message}`).join("\n"),
      options
    );
    this.file = file;
    this.problems = problems;
  }
  file;
  problems;
  name = "ConfigError";
};

// ../src/config/load-yaml.ts
function zodProblems(error) {
  return error.issues.map((i) => ({
    path: i.path.map(String).join("."),
    message: i.code === "unrecognized_keys" ? `unknown key(s) ${i.keys.map((k) => `"${k}"`).join(", ")}` : i.message
  }));
}
function parseYamlText(text, file) {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({
        path: e.linePos?.[0] ? `line ${e.linePos[0].line}` : "",
        message: e.message.split("\n")[0] ?? e.message
      }))
    );
  }
  return doc.toJS();
}
function parseWith(schema, data, file) {
  const res = schema.safeParse(data);
  if (!res.success) throw new ConfigError(file, zodProblems(res.error));
  return res.data;
}
function loadYamlFile(schema, file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    throw new ConfigError(file, [{ path: "", message: `cannot read the file (${cause.message})` }], { cause });
  }
  return parseWith(schema, parseYamlText(text, file), file);
}

// ../src/model/catalog.ts
import { z } from "zod";
var PriceSchema = z.object({
  /** Annual price per licensed seat. */
  perSeat: z.number().nonnegative().optional(),
  /** Annual flat price. */
  flat: z.number().nonnegative().optional(),
  /** Share of the account's current ARR, as a fraction (0.15 = 15%). */
  pctOfArr: z.number().min(0).max(5).optional()
}).strict().refine(
  (p2) => [p2.perSeat, p2.flat, p2.pctOfArr].filter((v) => v !== void 0).length === 1,
  "a price has exactly one of perSeat, flat or pctOfArr"
);
var TierSchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  seatPrice: z.number().nonnegative(),
  /** Plan limits per usage metric (e.g. `api_calls: 1000000`). Seats are limited by the licence. */
  limits: z.record(z.string(), z.number().nonnegative()).default({}),
  features: z.array(z.string()).default([])
}).strict();
var ModuleSchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  price: PriceSchema,
  /** Workaround / initiative / ticket-theme / competitor keywords this module solves. */
  addresses: z.array(z.string()).default([]),
  requiresTier: z.string().optional()
}).strict();
var ServiceSchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  price: PriceSchema,
  /** What makes this service relevant: `new_department`, `low_adoption`, `ticket_volume`, ... */
  triggers: z.array(z.string()).default([])
}).strict();
var CatalogSchema = z.object({
  currency: z.string().length(3).default("USD"),
  /** In ascending order: the first is the entry tier, the last the top one. */
  tiers: z.array(TierSchema).min(1),
  modules: z.array(ModuleSchema).default([]),
  services: z.array(ServiceSchema).default([])
}).strict().superRefine((c, ctx) => {
  const seen = /* @__PURE__ */ new Set();
  for (const [i, k] of [...c.tiers, ...c.modules, ...c.services].map((x) => x.key).entries()) {
    if (seen.has(k)) ctx.addIssue({ code: "custom", message: `duplicate key "${k}"`, path: [i] });
    seen.add(k);
  }
  const tierKeys = new Set(c.tiers.map((t) => t.key));
  c.modules.forEach((m, i) => {
    if (m.requiresTier && !tierKeys.has(m.requiresTier))
      ctx.addIssue({
        code: "custom",
        message: `requiresTier "${m.requiresTier}" is not a tier key`,
        path: ["modules", i, "requiresTier"]
      });
  });
});

// ../src/scoring/account-summary.ts
function readinessOf(ctx, opps) {
  if (ctx.health.light === "red") return "not_ready";
  const selling = opps.filter((o) => o.category === "expansion" || o.category === "conversion");
  if (selling.some((o) => o.timing === "now" && o.tier <= 2)) return "ready_now";
  if (selling.length > 0 || opps.some((o) => o.category === "activation")) return "needs_nurturing";
  return "not_ready";
}
function summarizeAccount(ctx, opps) {
  const { account } = ctx;
  const flags = [];
  if (ctx.health.light === "red") flags.push("at_risk");
  if (opps.some((o) => o.category === "activation")) flags.push("activation");
  if (account.lifecycle === "trial" || account.lifecycle === "free")
    flags.push("conversion_candidate");
  if (ctx.departures.length > 0) flags.push("champion_left");
  if (ctx.renewal.justRenewed) flags.push("just_renewed");
  if (ctx.confidence.value < ctx.settings.confidence.lowBelow) flags.push("low_confidence");
  let bestScore = 0;
  let bestTier = 0;
  let potentialArr = 0;
  for (const o of opps) {
    bestScore = Math.max(bestScore, o.scores.composite);
    bestTier = bestTier === 0 ? o.tier : Math.min(bestTier, o.tier);
    potentialArr += o.estimatedArr;
  }
  return {
    accountId: account.id,
    name: account.name,
    arr: account.arr,
    health: ctx.health.light,
    healthReasons: ctx.health.reasons,
    readiness: readinessOf(ctx, opps),
    bestScore,
    bestTier,
    potentialArr,
    opportunityCount: opps.length,
    flags
  };
}

// ../src/scoring/detectors/candidate.ts
function ev(signal, text, value, threshold, field) {
  const e = { signal, text };
  if (value !== void 0)
    e.value = typeof value === "number" ? Math.round(value * 100) / 100 : value;
  if (threshold !== void 0) e.threshold = threshold;
  if (field !== void 0) e.field = field;
  return e;
}
var strengthOf = (sources) => sources <= 0 ? 0 : Math.min(1, 0.25 + sources * 0.25);
function normalized(c) {
  const out = {
    type: c.type,
    category: c.category,
    subject: c.subject,
    title: c.title,
    description: c.description,
    evidence: c.evidence,
    currentState: c.currentState,
    proposedState: c.proposedState,
    estimatedArr: c.estimatedArr,
    strength: c.strength,
    strongTrigger: c.strongTrigger,
    risks: c.risks
  };
  if (c.valueAtStake !== void 0) out.valueAtStake = c.valueAtStake;
  if (c.extraStakeholders !== void 0) out.extraStakeholders = c.extraStakeholders;
  if (c.seats !== void 0) out.seats = c.seats;
  if (c.benefits !== void 0) out.benefits = c.benefits;
  return out;
}

// ../src/model/output.ts
import { z as z3 } from "zod";

// ../src/model/records.ts
import { z as z2 } from "zod";
var IsoDate = z2.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "not a calendar date");
var IsoDateTime = z2.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a datetime");
var nonNegative = z2.number().finite().nonnegative();
var count = z2.number().int().nonnegative();
var SEGMENTS = ["enterprise", "mid-market", "smb"];
var LIFECYCLES = ["customer", "trial", "free", "churned"];
var QBR_OUTCOMES = ["positive", "neutral", "negative"];
var CONTACT_ROLES = [
  "champion",
  "economic_buyer",
  "exec_sponsor",
  "power_user",
  "decision_maker"
];
var DEAL_KINDS = ["new", "renewal", "expansion", "other"];
var SIGNAL_KINDS = [
  "funding",
  "new_office",
  "acquisition",
  "leadership_hire",
  "initiative",
  "regulatory",
  "competitor",
  "workaround",
  "hiring"
];
var OwnerSchema = z2.object({
  id: z2.string().min(1),
  name: z2.string().optional(),
  email: z2.string().optional()
});
var AccountSchema = z2.object({
  id: z2.string().min(1),
  source: z2.string().min(1),
  crmId: z2.string().min(1),
  name: z2.string().min(1),
  domain: z2.string().optional(),
  industry: z2.string().optional(),
  segment: z2.enum(SEGMENTS).optional(),
  region: z2.string().optional(),
  owner: OwnerSchema.optional(),
  lifecycle: z2.enum(LIFECYCLES).default("customer"),
  plan: z2.string().optional(),
  products: z2.array(z2.string()).default([]),
  arr: nonNegative,
  currency: z2.string().length(3).default("USD"),
  seats: z2.object({ licensed: count, active: count }).optional(),
  employees: count.optional(),
  employeesPrior: z2.object({ count, asOf: IsoDate }).optional(),
  contract: z2.object({
    start: IsoDate.optional(),
    renewal: IsoDate.optional(),
    termMonths: count.optional()
  }).optional(),
  health: z2.object({
    score: z2.number().min(0).max(100).optional(),
    nps: z2.number().min(-100).max(100).optional(),
    csat: z2.number().min(0).max(100).optional(),
    tickets90d: count.optional(),
    ticketThemes: z2.array(z2.string()).default([]),
    lastQbr: z2.object({ date: IsoDate, outcome: z2.enum(QBR_OUTCOMES) }).optional()
  }).optional(),
  featuresUsed: z2.array(z2.string()).default([]),
  customFields: z2.record(z2.string(), z2.unknown()).default({})
});
var ContactSchema = z2.object({
  id: z2.string().min(1),
  accountId: z2.string().min(1),
  name: z2.string().min(1),
  email: z2.string().optional(),
  title: z2.string().optional(),
  department: z2.string().optional(),
  roles: z2.array(z2.enum(CONTACT_ROLES)).default([]),
  status: z2.enum(["active", "left"]).default("active"),
  leftAt: IsoDate.optional(),
  movedTo: z2.object({ company: z2.string().min(1), title: z2.string().optional() }).optional(),
  lastEngagedAt: IsoDate.optional(),
  createdAt: IsoDate.optional()
});
var DealSchema = z2.object({
  id: z2.string().min(1),
  accountId: z2.string().min(1),
  name: z2.string().min(1),
  kind: z2.enum(DEAL_KINDS).default("other"),
  stage: z2.string().default(""),
  amount: z2.number().finite(),
  currency: z2.string().length(3).default("USD"),
  closeDate: IsoDate.optional(),
  closed: z2.boolean().default(false),
  won: z2.boolean().default(false),
  products: z2.array(z2.string()).default([]),
  expansionKey: z2.string().optional()
});
var UsagePointSchema = z2.object({
  accountId: z2.string().min(1),
  date: IsoDate,
  metric: z2.string().min(1),
  value: nonNegative,
  limit: nonNegative.optional()
});
var DepartmentSchema = z2.object({
  accountId: z2.string().min(1),
  name: z2.string().min(1),
  headcount: count.optional(),
  usesProduct: z2.boolean().default(false),
  seats: count.optional()
});
var SignalSchema = z2.object({
  accountId: z2.string().min(1),
  date: IsoDate,
  kind: z2.enum(SIGNAL_KINDS),
  detail: z2.string().default(""),
  value: z2.number().finite().optional()
});
var NEUTRAL_SCHEMAS = {
  account: AccountSchema,
  contact: ContactSchema,
  deal: DealSchema,
  usage: UsagePointSchema,
  department: DepartmentSchema,
  signal: SignalSchema
};
var NEUTRAL_OBJECTS = Object.keys(NEUTRAL_SCHEMAS);

// ../src/model/output.ts
var EXPANSION_TYPES = [
  "seat_expansion",
  "tier_upgrade",
  "usage_expansion",
  "add_on",
  "new_department",
  "new_use_case",
  "competitive_displacement",
  "professional_services",
  "support_upgrade"
];
var OTHER_TYPES = ["activation", "conversion", "stabilization", "champion_followup"];
var OPPORTUNITY_TYPES = [...EXPANSION_TYPES, ...OTHER_TYPES];
var CATEGORIES = ["expansion", "activation", "conversion", "stabilization", "champion"];
var HEALTH = ["green", "yellow", "red"];
var TIMING = ["now", "30d", "90d", "hold"];
var READINESS = ["ready_now", "needs_nurturing", "not_ready"];
var ACCOUNT_FLAGS = [
  "at_risk",
  "activation",
  "conversion_candidate",
  "champion_left",
  "just_renewed",
  "low_confidence"
];
var score = z3.number().min(1).max(10);
var EvidenceSchema = z3.object({
  /** Machine key of the signal, e.g. `seat_utilization`, `employee_growth`, `workaround`. */
  signal: z3.string().min(1),
  /** One readable sentence naming the values. */
  text: z3.string().min(1),
  value: z3.union([z3.number(), z3.string()]).optional(),
  threshold: z3.union([z3.number(), z3.string()]).optional(),
  /** The neutral field (or CRM field) the value came from. */
  field: z3.string().optional()
});
var OpportunitySchema = z3.object({
  id: z3.string().min(1),
  accountId: z3.string().min(1),
  accountName: z3.string(),
  type: z3.enum(OPPORTUNITY_TYPES),
  category: z3.enum(CATEGORIES),
  title: z3.string().min(1),
  description: z3.string(),
  evidence: z3.array(EvidenceSchema).min(1),
  currentState: z3.string(),
  proposedState: z3.string(),
  estimatedArr: z3.number().finite().nonnegative(),
  scores: z3.object({ revenue: score, effort: score, likelihood: score, composite: score }),
  tier: z3.number().int().min(1).max(5),
  health: z3.enum(HEALTH),
  timing: z3.enum(TIMING),
  timingReason: z3.string(),
  deadline: IsoDate,
  renewalAligned: z3.boolean(),
  stakeholders: z3.object({
    pitchTo: z3.string().optional(),
    decides: z3.string().optional(),
    benefits: z3.string().optional()
  }),
  pitch: z3.string(),
  approach: z3.array(z3.string()),
  objections: z3.array(z3.object({ objection: z3.string(), response: z3.string() })),
  risks: z3.array(z3.string()),
  /** 0..1: how complete the data behind this opportunity was. */
  confidence: z3.number().min(0).max(1)
});
var AccountSummarySchema = z3.object({
  accountId: z3.string().min(1),
  name: z3.string(),
  arr: z3.number().finite().nonnegative(),
  health: z3.enum(HEALTH),
  healthReasons: z3.array(z3.string()),
  readiness: z3.enum(READINESS),
  /** Best composite score among the account's opportunities; 0 when it has none. */
  bestScore: z3.number().min(0).max(10),
  /** Best (lowest-numbered) tier; 0 when the account has no opportunity. */
  bestTier: z3.number().int().min(0).max(5),
  potentialArr: z3.number().finite().nonnegative(),
  opportunityCount: z3.number().int().nonnegative(),
  flags: z3.array(z3.enum(ACCOUNT_FLAGS))
});
var IssueSchema = z3.object({
  /** File name for the files connector (`accounts.csv`), connection name for a CRM. */
  source: z3.string(),
  object: z3.string(),
  recordId: z3.string().optional(),
  /** Row as a spreadsheet shows it: the header is row 1, the first data row is row 2. */
  row: z3.number().int().optional(),
  field: z3.string().optional(),
  value: z3.unknown().optional(),
  reason: z3.string(),
  skipped: z3.boolean().default(false)
});

// ../src/scoring/features.ts
function opportunityFeatures(opp) {
  const f = {
    revenue: opp.scores.revenue,
    effort: opp.scores.effort,
    likelihood: opp.scores.likelihood,
    composite: opp.scores.composite,
    tier: opp.tier,
    estimatedArr: opp.estimatedArr,
    logEstimatedArr: Math.log1p(opp.estimatedArr),
    confidence: opp.confidence,
    evidenceCount: opp.evidence.length,
    riskCount: opp.risks.length,
    renewalAligned: opp.renewalAligned ? 1 : 0,
    hasPitchTo: opp.stakeholders.pitchTo ? 1 : 0,
    hasDecides: opp.stakeholders.decides ? 1 : 0
  };
  for (const t of OPPORTUNITY_TYPES) f[`type_${t}`] = opp.type === t ? 1 : 0;
  for (const c of CATEGORIES) f[`category_${c}`] = opp.category === c ? 1 : 0;
  for (const h of HEALTH) f[`health_${h}`] = opp.health === h ? 1 : 0;
  for (const t of TIMING) f[`timing_${t}`] = opp.timing === t ? 1 : 0;
  for (const e of opp.evidence) {
    const v = typeof e.value === "number" && Number.isFinite(e.value) ? e.value : 1;
    const key = `ev_${e.signal}`;
    f[key] = Math.max(f[key] ?? -Infinity, v);
  }
  return f;
}

// ../src/scoring/format.ts
function grouped(n, decimals = 0) {
  const f = 10 ** decimals;
  const r2 = Math.round(Math.abs(n) * f) / f;
  const int = Math.trunc(r2);
  let s = String(int);
  for (let i = s.length - 3; i > 0; i -= 3) s = `${s.slice(0, i)},${s.slice(i)}`;
  const frac = r2 - int;
  const tail = frac > 0 ? frac.toFixed(decimals).slice(1).replace(/0+$/, "") : "";
  return `${n < 0 && r2 > 0 ? "-" : ""}${s}${tail}`;
}
function money(amount, currency = "USD") {
  const whole = grouped(amount);
  return currency === "USD" ? `$${whole}` : `${whole} ${currency}`;
}
var pct = (fraction) => Math.round(fraction * 100);
var signedPct = (percent) => `${percent >= 0 ? "+" : ""}${Math.round(percent)}%`;
var round = (n, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};
var clamp = (n, lo, hi) => Math.min(hi, Math.max(lo, n));
var humanKey = (key) => key.replace(/[_-]+/g, " ");

// ../src/scoring/opportunity-id.ts
var ID_MAX = 80;
var HASH_LEN = 11;
function hash53(s) {
  let h1 = 3735928559;
  let h2 = 1103547991;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ h1 >>> 16, 2246822507) ^ Math.imul(h2 ^ h2 >>> 13, 3266489909);
  h2 = Math.imul(h2 ^ h2 >>> 16, 2246822507) ^ Math.imul(h1 ^ h1 >>> 13, 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(HASH_LEN, "0");
}
var SAFE = /^[A-Za-z0-9][A-Za-z0-9_-]*[A-Za-z0-9]$/;
var slug = (s) => s.replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "");
var memoAccount = "";
var memoSlug = "";
function opportunityId(accountId, type, subject) {
  if (accountId !== memoAccount) {
    memoAccount = accountId;
    memoSlug = slug(accountId);
  }
  const hash = hash53(`${accountId}\0${type}\0${subject}`);
  const prefix = `${memoSlug}-${type}-${SAFE.test(subject) ? subject : slug(subject)}`.slice(
    0,
    ID_MAX - HASH_LEN - 1
  );
  return `${prefix}-${hash}`;
}

// ../src/scoring/scores.ts
function bandScore(x, bands, top) {
  const sorted = bands;
  let i = sorted.length - 1;
  while (i > 0 && x < sorted[i].min) i--;
  const band = sorted[i];
  const upper = sorted[i + 1]?.min ?? top;
  const t = upper > band.min ? clamp((x - band.min) / (upper - band.min), 0, 1) : 1;
  return band.low + (band.high - band.low) * t;
}
function revenueScore(value, arr, s) {
  if (!(value > 0)) return 1;
  const relPct = arr > 0 ? value / arr * 100 : s.relativeTop;
  const rel = bandScore(relPct, s.relativeBands, s.relativeTop);
  const abs = bandScore(value, s.absoluteBands, s.absoluteTop);
  return clamp(s.relativeWeight * rel + (1 - s.relativeWeight) * abs, 1, 10);
}
function stakeholdersNeeded(type, extra, value, hasChampion, s) {
  return s.stakeholdersByType[type] + extra + (value >= s.procurementArr ? 1 : 0) + (hasChampion ? 0 : 1);
}
function effortScore(type, stakeholders, s) {
  return clamp(s.byType[type] - s.perExtraStakeholder * Math.max(0, stakeholders - 1), 1, 10);
}
function likelihoodScore(i, s) {
  const raw = s.healthBase[i.health] + s.engagementWeight * (2 * i.engagement - 1) + s.evidenceWeight * (2 * i.strength - 1) - s.confidencePenalty * (1 - i.confidence);
  return clamp(raw, 1, 10);
}
function compose(revenue, effort, likelihood, w) {
  const r2 = round(revenue, 1);
  const e = round(effort, 1);
  const l = round(likelihood, 1);
  return {
    revenue: r2,
    effort: e,
    likelihood: l,
    composite: clamp(round(w.revenue * r2 + w.effort * e + w.likelihood * l, 2), 1, 10)
  };
}
function tierOf(composite, t) {
  if (composite >= t.tier1) return 1;
  if (composite >= t.tier2) return 2;
  if (composite >= t.tier3) return 3;
  if (composite >= t.tier4) return 4;
  return 5;
}

// ../src/scoring/dates.ts
function toDay(date) {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d2 = Number(date.slice(8, 10));
  if (!(m >= 1 && m <= 12 && d2 >= 1 && d2 <= 31) || date.length !== 10) return NaN;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d2 - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
var pad2 = (n) => n < 10 ? `0${n}` : String(n);
function fromDay(day) {
  const z8 = Math.floor(day) + 719468;
  const era = Math.floor(z8 / 146097);
  const doe = z8 - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d2 = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d2)}`;
}
function daysBetween(a, b) {
  return toDay(b) - toDay(a);
}
function addDays(date, n) {
  return fromDay(toDay(date) + n);
}
var DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
var leap = (y) => y % 4 === 0 && y % 100 !== 0 || y % 400 === 0;
function addMonths(date, n) {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = month === 1 && leap(year) ? 29 : DAYS_IN_MONTH[month];
  return `${String(year).padStart(4, "0")}-${pad2(month + 1)}-${pad2(Math.min(Number(date.slice(8, 10)), last))}`;
}
var minDate = (a, b) => a <= b ? a : b;

// ../src/scoring/stakeholders.ts
var label = (c) => c.title ? `${c.name} (${c.title})` : c.name;
function pick(contacts, roles, exclude) {
  for (const role of roles) {
    let best;
    for (const c of contacts) {
      if (c === exclude || c.status !== "active" || !c.roles.includes(role)) continue;
      const newer = (c.lastEngagedAt ?? "") > (best?.lastEngagedAt ?? "");
      const tie = (c.lastEngagedAt ?? "") === (best?.lastEngagedAt ?? "") && (!best || c.id < best.id);
      if (!best || newer || tie) best = c;
    }
    if (best) return best;
  }
  return void 0;
}
function accountPeople(ctx) {
  const { contacts, departments } = ctx.records;
  const pitchTo = pick(contacts, ["champion", "power_user"]);
  const decides = pick(contacts, ["economic_buyer", "decision_maker", "exec_sponsor"], pitchTo);
  const usingTeams = departments.filter((d2) => d2.usesProduct).map((d2) => d2.name);
  if (usingTeams.length === 0) {
    for (const c of contacts) {
      if (c.department && c.roles.some((r2) => r2 === "champion" || r2 === "power_user") && !usingTeams.includes(c.department)) {
        usingTeams.push(c.department);
      }
    }
  }
  const newLeaders = [];
  for (const sig of ctx.records.signals) {
    if (sig.kind !== "leadership_hire" || sig.date > ctx.asOf) continue;
    if (ctx.asOfDay - toDay(sig.date) <= ctx.settings.modules.lookbackDays)
      newLeaders.push(sig.detail || sig.date);
  }
  return {
    pitchTo,
    decides,
    usingTeams: usingTeams.length > 0 ? usingTeams.join(", ") : void 0,
    pitchToLabel: pitchTo && label(pitchTo),
    decidesLabel: decides && label(decides),
    newLeaders
  };
}
function stakeholdersFor(c, people, ctx) {
  let pitchTo = people.pitchToLabel;
  if (c.type === "new_department" && c.benefits) {
    const team = c.benefits.toLowerCase();
    const insider = ctx.records.contacts.find(
      (x) => x.status === "active" && x.department?.toLowerCase() === team
    );
    if (insider) pitchTo = label(insider);
  }
  const out = {};
  if (pitchTo) out.pitchTo = pitchTo;
  if (people.decidesLabel) out.decides = people.decidesLabel;
  const benefits = c.benefits ?? people.usingTeams;
  if (benefits) out.benefits = benefits;
  return out;
}

// ../src/scoring/timing.ts
var BY_TIER = { 1: "now", 2: "30d", 3: "90d", 4: "hold", 5: "hold" };
var PACE = {
  1: "Tier 1: assign this week",
  2: "Tier 2: plan outreach within 30 days",
  3: "Tier 3: nurture toward it",
  4: "Tier 4: monitor and revisit in 90 days",
  5: "Tier 5: document and move on"
};
function dueIn(ctx, timing) {
  return addDays(ctx.asOf, ctx.settings.timing.deadlineDays[timing]);
}
function alignedWith(ctx, deadline) {
  const r2 = ctx.renewal;
  if (!r2.next || !r2.noticeDate) return false;
  return deadline >= addDays(r2.noticeDate, -ctx.settings.timing.renewalLeadDays) && deadline <= r2.next;
}
function timeOpportunity(c, tier, ctx) {
  const t = ctx.settings.timing;
  const { asOf, renewal: r2 } = ctx;
  if (c.category === "stabilization" || c.category === "champion") {
    const deadline2 = dueIn(ctx, "now");
    const why = c.category === "stabilization" ? "At risk: stabilize before any expansion talk" : "Champion movement: secure a successor while the relationship is warm";
    return {
      timing: "now",
      reason: why,
      deadline: deadline2,
      renewalAligned: alignedWith(ctx, deadline2),
      tier
    };
  }
  if (c.category === "conversion") {
    const timing2 = r2.next && daysBetween(asOf, r2.next) <= t.deadlineDays["30d"] ? "now" : BY_TIER[tier];
    const deadline2 = r2.next && r2.next >= asOf ? minDate(dueIn(ctx, timing2), r2.next) : dueIn(ctx, timing2);
    const reason = r2.next ? `Conversion before the ${ctx.account.lifecycle} ends on ${r2.next}` : PACE[tier];
    return { timing: timing2, reason, deadline: deadline2, renewalAligned: false, tier };
  }
  const expansion = c.category === "expansion";
  if (expansion && r2.justRenewed && r2.settleDate && !c.strongTrigger) {
    const timing2 = daysBetween(asOf, r2.settleDate) <= t.deadlineDays["30d"] ? "30d" : "90d";
    const reason = `Renewed on ${r2.last}: expansion lands best ${t.justRenewedMonths}-${t.settledUntilMonths} months after a renewal, from ${r2.settleDate}`;
    return {
      timing: timing2,
      reason,
      deadline: r2.settleDate,
      renewalAligned: false,
      tier: Math.max(tier, 2)
    };
  }
  const reasons = [PACE[tier]];
  let timing = BY_TIER[tier];
  if (c.strongTrigger && (timing === "30d" || timing === "90d")) {
    timing = timing === "30d" ? "now" : "30d";
    reasons.push("a usage ceiling or explicit request moves it forward");
  }
  if (expansion && r2.justRenewed && c.strongTrigger)
    reasons.push(`renewed on ${r2.last}, but the trigger cannot wait for the post-renewal window`);
  const settled = r2.last && r2.settleDate && asOf >= r2.settleDate && asOf <= addMonths(r2.last, t.settledUntilMonths);
  if (expansion && settled && timing === "30d") {
    timing = "now";
    reasons.push(
      `${t.justRenewedMonths}-${t.settledUntilMonths} months after the ${r2.last} renewal: a natural buying moment`
    );
  }
  if (expansion && ctx.health.light === "yellow" && timing === "now" && !c.strongTrigger) {
    timing = "30d";
    reasons.push("health is yellow: nurture first");
  }
  let deadline = dueIn(ctx, timing);
  if (r2.next && r2.noticeDate && timing !== "hold") {
    const toNotice = daysBetween(asOf, r2.noticeDate);
    if (toNotice <= t.renewalLeadDays) {
      timing = "now";
      deadline = toNotice > 0 ? r2.noticeDate : minDate(dueIn(ctx, "now"), r2.next);
      reasons.push(
        `renewal on ${r2.next} (notice by ${r2.noticeDate}): bring it into the renewal conversation`
      );
    } else if (deadline > r2.noticeDate) {
      deadline = r2.noticeDate;
      reasons.push(`act before the renewal notice date ${r2.noticeDate}`);
    }
  }
  return {
    timing,
    reason: reasons.join("; "),
    deadline,
    renewalAligned: timing !== "hold" && alignedWith(ctx, deadline),
    tier
  };
}

// ../src/scoring/build-opportunity.ts
function accountRisks(ctx, people) {
  const expansion = [];
  if (ctx.health.light === "yellow")
    expansion.push(`Health is yellow: ${ctx.health.reasons.join("; ")}`);
  if (!people.pitchTo)
    expansion.push("No champion or power user on record: find one before pitching");
  for (const leader of people.newLeaders)
    expansion.push(`New leadership (${leader}) may review vendors: meet them early`);
  const all = [];
  const conf = ctx.confidence;
  if (conf.value < ctx.settings.confidence.lowBelow) {
    all.push(`Low data confidence (${pct(conf.value)}%): missing ${conf.missing.join(", ")}`);
  }
  return { expansion, all };
}
function risksFor(c, shared) {
  if (c.category === "expansion") return [...c.risks, ...shared.expansion, ...shared.all];
  return shared.all.length > 0 ? [...c.risks, ...shared.all] : c.risks;
}
function assemble(c, ctx, people, shared, scores, evidence) {
  const { account, settings: s } = ctx;
  const timed = timeOpportunity(c, tierOf(scores.composite, s.tiers), ctx);
  return {
    id: opportunityId(account.id, c.type, c.subject),
    accountId: account.id,
    accountName: account.name,
    type: c.type,
    category: c.category,
    title: c.title,
    description: c.description,
    evidence,
    currentState: c.currentState,
    proposedState: c.proposedState,
    estimatedArr: Math.max(0, Math.round(c.estimatedArr)),
    scores,
    tier: timed.tier,
    health: ctx.health.light,
    timing: timed.timing,
    timingReason: timed.reason,
    deadline: timed.deadline,
    renewalAligned: timed.renewalAligned,
    stakeholders: stakeholdersFor(c, people, ctx),
    pitch: "",
    approach: [],
    objections: [],
    risks: risksFor(c, shared),
    confidence: ctx.confidence.value
  };
}
function buildOpportunity(c, ctx, people, shared, override) {
  const s = ctx.settings;
  const { account } = ctx;
  const revenue = revenueScore(c.valueAtStake ?? c.estimatedArr, account.arr, s.revenue);
  const needed = stakeholdersNeeded(
    c.type,
    c.extraStakeholders ?? 0,
    c.estimatedArr,
    people.pitchTo !== void 0,
    s.effort
  );
  const effort = effortScore(c.type, needed, s.effort);
  const confidence = ctx.confidence.value;
  const likelihood = likelihoodScore(
    {
      health: ctx.health.light,
      engagement: ctx.engagement.level,
      strength: c.strength,
      confidence
    },
    s.likelihood
  );
  const opp = assemble(
    c,
    ctx,
    people,
    shared,
    compose(revenue, effort, likelihood, s.weights),
    c.evidence
  );
  const model = override?.(opp, opportunityFeatures(opp));
  if (!model || !Number.isFinite(model.likelihood)) return opp;
  const l = clamp(model.likelihood, 1, 10);
  const note = ev(
    "likelihood_model",
    `Likelihood ${l.toFixed(1)} from model ${model.modelVersion} (rules: ${opp.scores.likelihood})`,
    l,
    void 0,
    model.modelVersion
  );
  return assemble(c, ctx, people, shared, compose(revenue, effort, l, s.weights), [
    ...c.evidence,
    note
  ]);
}

// ../src/scoring/text-match.ts
var escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function compileKeywords(keywords) {
  const words = keywords.map((k) => k.trim().toLowerCase()).filter((k) => k.length > 0);
  if (words.length === 0) return { find: () => void 0, findAll: () => [] };
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  const body = sorted.map((w) => escape(w).replace(/[\s_-]+/g, "[\\s_-]+")).join("|");
  const source = `(?<![A-Za-z0-9])(${body})(?![A-Za-z0-9])`;
  const re = new RegExp(source, "i");
  const all = new RegExp(source, "gi");
  return {
    find(text) {
      return re.exec(text)?.[1]?.toLowerCase();
    },
    findAll(text) {
      return [...new Set(Array.from(text.matchAll(all), (m) => m[1].toLowerCase()))];
    }
  };
}
var isWordChar = (code) => code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122;
function containsWord(text, word) {
  if (word.length === 0) return false;
  const hay = text.toLowerCase();
  for (let at = hay.indexOf(word); at >= 0; at = hay.indexOf(word, at + 1)) {
    const before = at === 0 ? 32 : hay.charCodeAt(at - 1);
    const after = at + word.length >= hay.length ? 32 : hay.charCodeAt(at + word.length);
    if (!isWordChar(before) && !isWordChar(after)) return true;
  }
  return false;
}

// ../src/scoring/catalog-index.ts
function indexCatalog(catalog2) {
  const tierRank = new Map(catalog2.tiers.map((t, i) => [t.key, i]));
  const featureTier = /* @__PURE__ */ new Map();
  catalog2.tiers.forEach((t, i) => {
    for (const f of t.features) if (!featureTier.has(f)) featureTier.set(f, i);
  });
  const servicesByTrigger = /* @__PURE__ */ new Map();
  for (const s of catalog2.services) {
    for (const t of s.triggers) servicesByTrigger.set(t, [...servicesByTrigger.get(t) ?? [], s]);
  }
  return {
    catalog: catalog2,
    tierRank,
    moduleByKey: new Map(catalog2.modules.map((m) => [m.key, m])),
    moduleMatchers: catalog2.modules.map((m) => ({
      module: m,
      matcher: compileKeywords(m.addresses)
    })),
    featureMatcher: compileKeywords([...featureTier.keys()].flatMap((f) => [f, humanKey(f)])),
    featureTier,
    servicesByTrigger
  };
}
function nextTier(ix, tier) {
  const rank = ix.tierRank.get(tier.key);
  return rank === void 0 ? void 0 : ix.catalog.tiers[rank + 1];
}
function featureKeyOf(ix, phrase) {
  const key = phrase.replace(/[\s-]+/g, "_");
  return ix.featureTier.has(key) ? key : void 0;
}
function priceOf(price, seats, arr) {
  if (price.perSeat !== void 0) return price.perSeat * seats;
  if (price.flat !== void 0) return price.flat;
  return (price.pctOfArr ?? 0) * arr;
}
function priceBasis(price, seats) {
  if (price.perSeat !== void 0) return `${seats} seats x ${price.perSeat}/seat`;
  if (price.flat !== void 0) return "flat price";
  return `${Math.round((price.pctOfArr ?? 0) * 100)}% of ARR`;
}

// ../src/scoring/champions.ts
var hasRole = (c, roles) => c.roles.some((r2) => roles.includes(r2));
function emailMoved(c, account, freeMail) {
  if (!c.email || !account.domain) return void 0;
  const domain = c.email.slice(c.email.lastIndexOf("@") + 1).toLowerCase();
  const own = account.domain.toLowerCase().replace(/^www\./, "");
  if (!domain || freeMail.includes(domain) || domain === own || domain.endsWith(`.${own}`)) {
    return void 0;
  }
  return domain;
}
function departedChampions(account, contacts, asOfDay, s) {
  const out = [];
  for (const c of contacts) {
    if (!hasRole(c, s.roles)) continue;
    if (c.leftAt && asOfDay - toDay(c.leftAt) > s.lookbackDays) continue;
    const who = `${c.name}${c.title ? ` (${c.title})` : ""}`;
    if (c.status === "left" || c.leftAt) {
      const when = c.leftAt ? ` on ${c.leftAt}` : "";
      out.push({
        contact: c,
        field: c.leftAt ? "contacts.leftAt" : "contacts.status",
        text: `${who} left${when}`
      });
    } else if (c.movedTo) {
      out.push({
        contact: c,
        field: "contacts.movedTo",
        text: `${who} moved to ${c.movedTo.company}`
      });
    } else {
      const domain = emailMoved(c, account, s.freeMailDomains);
      if (domain) {
        out.push({
          contact: c,
          field: "contacts.email",
          text: `${who}'s email is now at ${domain}, no longer ${account.domain}`
        });
      }
    }
  }
  return out;
}
function activeChampions(contacts, departed, roles) {
  const gone = new Set(departed.map((d2) => d2.contact));
  return contacts.filter((c) => c.status === "active" && !gone.has(c) && hasRole(c, roles));
}

// ../src/scoring/confidence.ts
var FIELDS = [
  "seats",
  "usage",
  "plan",
  "renewal",
  "health",
  "employees",
  "contacts",
  "features",
  "industry"
];
function dataConfidence(account, records, hasTier, s) {
  let points = 0;
  for (const series of records.usage.values()) points += series.length;
  const present = {
    seats: account.seats !== void 0,
    usage: points >= s.minUsagePoints && points > 0,
    plan: hasTier,
    renewal: account.contract?.renewal !== void 0,
    health: account.health?.score !== void 0 || account.health?.nps !== void 0,
    employees: account.employees !== void 0,
    contacts: records.contacts.length > 0,
    features: account.featuresUsed.length > 0,
    industry: account.industry !== void 0
  };
  let total = 0;
  let have = 0;
  const missing = [];
  const weights = s.fieldWeights;
  for (const field of FIELDS) {
    const w = weights[field];
    total += w;
    if (present[field]) have += w;
    else if (w > 0) missing.push(field);
  }
  return { value: total > 0 ? Math.round(have / total * 100) / 100 : 1, missing };
}

// ../src/scoring/engagement.ts
function measureEngagement(account, contacts, asOfDay, s) {
  let engaged = 0;
  const newEngaged = [];
  for (const c of contacts) {
    if (c.status !== "active" || !c.lastEngagedAt) continue;
    if (asOfDay - toDay(c.lastEngagedAt) > s.likelihood.engagedWithinDays) continue;
    engaged++;
    if (c.createdAt && asOfDay - toDay(c.createdAt) <= s.whitespace.newContactDays)
      newEngaged.push(c);
  }
  let level = contacts.length === 0 ? 0.5 : Math.min(1, engaged / s.likelihood.engagedContactsForFull);
  const qbr = account.health?.lastQbr;
  if (qbr && asOfDay - toDay(qbr.date) <= s.health.qbrWithinDays) {
    if (qbr.outcome === "positive") level += 0.2;
    if (qbr.outcome === "negative") level -= 0.2;
  }
  return { level: clamp(level, 0, 1), engagedContacts: engaged, newEngaged };
}

// ../src/scoring/health.ts
function assessHealth(input, s) {
  const { account, usageTrendPct } = input;
  const h = account.health;
  const red = [];
  const yellow = [];
  const good = [];
  if (account.lifecycle === "churned")
    red.push({ text: "account has churned", field: "lifecycle", value: "churned" });
  if (h?.score !== void 0) {
    if (h.score < s.scoreRed)
      red.push({
        text: `health score ${h.score} is below ${s.scoreRed}`,
        field: "health.score",
        value: h.score,
        threshold: s.scoreRed
      });
    else if (h.score < s.scoreYellow)
      yellow.push({
        text: `health score ${h.score} is below ${s.scoreYellow}`,
        field: "health.score",
        value: h.score,
        threshold: s.scoreYellow
      });
    else good.push(`health score ${h.score}/100`);
  }
  if (h?.nps !== void 0) {
    if (h.nps < s.npsRed)
      red.push({
        text: `NPS ${h.nps} is below ${s.npsRed}`,
        field: "health.nps",
        value: h.nps,
        threshold: s.npsRed
      });
    else if (h.nps < s.npsYellow)
      yellow.push({
        text: `NPS ${h.nps} is below ${s.npsYellow}`,
        field: "health.nps",
        value: h.nps,
        threshold: s.npsYellow
      });
    else good.push(`NPS ${h.nps}`);
  }
  const qbr = h?.lastQbr;
  if (qbr && input.asOfDay - toDay(qbr.date) <= s.qbrWithinDays) {
    if (qbr.outcome === "negative")
      yellow.push({
        text: `negative QBR on ${qbr.date}`,
        field: "health.lastQbr",
        value: qbr.outcome
      });
    else if (qbr.outcome === "positive") good.push(`positive QBR on ${qbr.date}`);
  }
  if (h?.tickets90d !== void 0 && h.tickets90d >= s.ticketSpike90d) {
    yellow.push({
      text: `${h.tickets90d} support tickets in 90 days (spike at ${s.ticketSpike90d})`,
      field: "health.tickets90d",
      value: h.tickets90d,
      threshold: s.ticketSpike90d
    });
  }
  if (usageTrendPct !== void 0) {
    const t = signedPct(usageTrendPct);
    const value = Math.round(usageTrendPct);
    const field = "usage";
    if (usageTrendPct <= s.declineRedPct) {
      red.push({
        text: `usage ${t} over the window (red at ${s.declineRedPct}%)`,
        field,
        value,
        threshold: s.declineRedPct
      });
    } else if (usageTrendPct <= s.declineYellowPct) {
      yellow.push({
        text: `usage ${t} over the window (declining at ${s.declineYellowPct}%)`,
        field,
        value,
        threshold: s.declineYellowPct
      });
    } else if (usageTrendPct > 0) good.push(`usage ${t} over the window`);
  }
  if (input.championsLost > 0) {
    yellow.push({
      text: input.championsLeft > 0 ? `${input.championsLost} champion(s) left; ${input.championsLeft} remain` : "champion lost and no champion remains",
      field: "contacts.status",
      value: input.championsLeft
    });
  }
  if (red.length > 0 || yellow.length >= s.yellowReasonsForRed) {
    const problems = [...red, ...yellow];
    return { light: "red", reasons: problems.map((p2) => p2.text), problems };
  }
  if (yellow.length > 0)
    return { light: "yellow", reasons: yellow.map((p2) => p2.text), problems: yellow };
  return {
    light: "green",
    reasons: good.length > 0 ? good : ["no risk signals in the data"],
    problems: []
  };
}

// ../src/scoring/renewal.ts
function renewalInfo(account, deals, asOf, s) {
  const contract = account.contract;
  const term = contract?.termMonths || s.defaultTermMonths;
  let next;
  let last;
  if (contract?.renewal) {
    next = contract.renewal;
    for (let k = 0; next < asOf && k < 100; k++) next = addMonths(next, term);
    const prev = addMonths(next, -term);
    if (prev <= asOf && (!contract.start || prev > contract.start)) last = prev;
  }
  for (const d2 of deals) {
    if (d2.kind === "renewal" && d2.won && d2.closeDate && d2.closeDate <= asOf) {
      if (!last || d2.closeDate > last) last = d2.closeDate;
    }
  }
  const settleDate = last ? addMonths(last, s.justRenewedMonths) : void 0;
  return {
    next,
    noticeDate: next ? addDays(next, -s.noticeDays) : void 0,
    last,
    justRenewed: settleDate !== void 0 && asOf < settleDate,
    settleDate
  };
}

// ../src/scoring/usage-series.ts
function readings(points, asOfDay, defaultLimit) {
  const out = [];
  if (!points) return out;
  for (const p2 of points) {
    const day = toDay(p2.date);
    if (!(day <= asOfDay)) continue;
    out.push({ date: p2.date, day, value: p2.value, limit: p2.limit ?? defaultLimit });
  }
  return out;
}
function trailingStreak(rs, threshold) {
  let i = rs.length - 1;
  const last = rs[i];
  if (!last) return void 0;
  let first;
  for (; i >= 0; i--) {
    const r2 = rs[i];
    if (!r2.limit || r2.value / r2.limit < threshold) break;
    first = r2;
  }
  if (!first) return void 0;
  return { from: first, to: last, count: rs.length - 1 - i, days: last.day - first.day };
}
function windowTrend(rs, windowDays) {
  const last = rs[rs.length - 1];
  if (!last || rs.length < 2) return void 0;
  const start = last.day - windowDays;
  let first;
  for (const r2 of rs) {
    if (r2.day >= start) {
      first = r2;
      break;
    }
  }
  if (!first || first === last) return void 0;
  const pct2 = first.value === 0 ? last.value > 0 ? 100 : 0 : (last.value - first.value) / first.value * 100;
  return { first, last, pct: pct2 };
}

// ../src/scoring/context.ts
function segmentOf(account, s) {
  if (account.segment) return account.segment;
  if (account.arr >= s.enterpriseArr) return "enterprise";
  return account.arr >= s.midMarketArr ? "mid-market" : "smb";
}
function seatReadingsOf(account, rec, asOf, asOfDay, metric) {
  const rs = readings(rec.usage.get(metric), asOfDay, account.seats?.licensed);
  const last = rs[rs.length - 1];
  if (account.seats && (!last || last.day < asOfDay)) {
    rs.push({
      date: asOf,
      day: asOfDay,
      value: account.seats.active,
      limit: account.seats.licensed
    });
  }
  return rs;
}
function buildContext(account, records, asOf, settings, cx, benchmarks) {
  const asOfDay = toDay(asOf);
  const tier = account.plan ? cx.catalog.tiers[cx.tierRank.get(account.plan) ?? -1] : void 0;
  const seats = account.seats;
  const seatPrice = tier?.seatPrice ?? (seats?.licensed ? account.arr / seats.licensed : cx.catalog.tiers[0]?.seatPrice ?? 0);
  const seatBase = seats?.licensed ?? (seatPrice > 0 ? Math.round(account.arr / seatPrice) : 0);
  const seatReadings = seatReadingsOf(account, records, asOf, asOfDay, settings.usage.seatMetric);
  const texts = [];
  for (const sig of records.signals) {
    if (asOfDay - toDay(sig.date) > settings.modules.lookbackDays || sig.date > asOf) continue;
    texts.push({ source: sig.kind, text: sig.detail, field: `signals[${sig.kind}].detail` });
  }
  for (const theme of account.health?.ticketThemes ?? []) {
    texts.push({ source: "ticket_theme", text: theme, field: "health.ticketThemes" });
  }
  const departures = departedChampions(account, records.contacts, asOfDay, settings.champion);
  const remaining = activeChampions(records.contacts, departures, settings.champion.roles).length;
  const trend = windowTrend(seatReadings, settings.usage.windowDays);
  const health = assessHealth(
    {
      account,
      asOfDay,
      usageTrendPct: trend?.pct,
      championsLost: departures.length,
      championsLeft: remaining
    },
    settings.health
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
    confidence: dataConfidence(account, records, tier !== void 0, settings.confidence),
    renewal: renewalInfo(account, records.deals, asOf, settings.timing),
    departures,
    cohort: benchmarks.cohortOf(account, segment)
  };
}

// ../src/scoring/detectors/benchmarks.ts
import { quantileSorted } from "simple-statistics";
function buildBenchmarks(accounts, cx, s) {
  const raw = /* @__PURE__ */ new Map();
  const push = (key, a) => {
    let r2 = raw.get(key);
    if (!r2) raw.set(key, r2 = { spe: [], features: [], products: [], owned: [] });
    if (a.seats && a.employees) r2.spe.push(a.seats.licensed / a.employees);
    const tier = a.plan ? cx.catalog.tiers[cx.tierRank.get(a.plan) ?? -1] : void 0;
    if (tier && tier.features.length > 0)
      r2.features.push(a.featuresUsed.length / tier.features.length);
    r2.products.push(a.products.length);
    r2.owned.push(a.products);
  };
  for (const a of accounts) {
    if (a.lifecycle !== "customer") continue;
    const seg = segmentOf(a, s.benchmarks);
    push(`${a.industry ?? "*"}|${seg}`, a);
    push(`*|${seg}`, a);
    push("*|*", a);
  }
  const min = s.benchmarks.minCohort;
  const stat = (values, label3) => {
    if (values.length < min) return void 0;
    values.sort((x, y) => x - y);
    return { p75: quantileSorted(values, 0.75), label: label3, size: values.length };
  };
  const label2 = (key) => key === "*|*" ? "the portfolio" : key.replace("*|", "").replace("|", " / ");
  const levels = /* @__PURE__ */ new Map();
  for (const [key, r2] of raw) {
    const products = stat(r2.products, label2(key));
    const counts = /* @__PURE__ */ new Map();
    if (products) {
      for (const owned of r2.owned)
        if (owned.length >= products.p75)
          for (const m of owned) counts.set(m, (counts.get(m) ?? 0) + 1);
    }
    const topModules = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([m]) => m);
    levels.set(key, {
      spe: stat(r2.spe, label2(key)),
      features: stat(r2.features, label2(key)),
      products,
      topModules
    });
  }
  const cache = /* @__PURE__ */ new Map();
  return {
    cohortOf(account, segment) {
      const key = `${account.industry ?? "*"}|${segment}`;
      if (cache.has(key)) return cache.get(key);
      const chain = [levels.get(key), levels.get(`*|${segment}`), levels.get("*|*")];
      const pick2 = (k) => chain.find((l) => l?.[k])?.[k];
      const productsLevel = chain.find((l) => l?.products);
      const spe = pick2("spe");
      const features = pick2("features");
      const products = pick2("products");
      const stats = spe || features || products ? {
        ...spe && { seatsPerEmployee: spe },
        ...features && { featureShare: features },
        ...products && { products },
        topModules: productsLevel?.topModules ?? []
      } : void 0;
      cache.set(key, stats);
      return stats;
    }
  };
}

// ../src/scoring/detectors/activation.ts
var base = {
  type: "activation",
  category: "activation",
  estimatedArr: 0,
  strongTrigger: false
};
function detectActivation(ctx) {
  const { account, seats, tier, settings, cx } = ctx;
  const a = settings.activation;
  const out = [];
  if (seats && seats.licensed > 0 && seats.active / seats.licensed < a.seatUtilBelow) {
    const unused = seats.licensed - seats.active;
    const idle = unused * ctx.seatPrice;
    out.push({
      ...base,
      subject: "seats",
      title: `Activate ${unused} idle paid seats`,
      description: `${unused} of ${seats.licensed} paid seats are unused: onboard the people they were bought for before any seat conversation.`,
      evidence: [
        ev(
          "seat_utilization",
          `${seats.active} of ${seats.licensed} licensed seats active (${pct(seats.active / seats.licensed)}%), below ${pct(a.seatUtilBelow)}%`,
          pct(seats.active / seats.licensed),
          pct(a.seatUtilBelow),
          "seats.active / seats.licensed"
        ),
        ev(
          "idle_value",
          `${unused} idle seats x ${money(ctx.seatPrice)} = ${money(idle)} a year paid for nothing`,
          idle,
          void 0,
          "catalog.tiers.seatPrice"
        )
      ],
      currentState: `${seats.active} of ${seats.licensed} seats active`,
      proposedState: `Utilization at or above ${pct(a.seatUtilBelow)}%`,
      valueAtStake: idle,
      strength: 0.8,
      risks: ["Idle seats are a renewal risk: expect a downsell request if left alone"]
    });
  }
  if (tier && tier.features.length > 0) {
    const used = new Set(account.featuresUsed);
    const unusedFeatures = tier.features.filter((f) => !used.has(f));
    const share2 = (tier.features.length - unusedFeatures.length) / tier.features.length;
    if (share2 < a.featureShareBelow && account.featuresUsed.length > 0) {
      const rank = cx.tierRank.get(tier.key) ?? 0;
      const below = cx.catalog.tiers[rank - 1];
      const premium = below ? Math.max(0, tier.seatPrice - below.seatPrice) * ctx.seatBase : 0;
      out.push({
        ...base,
        subject: "features",
        title: `Activate ${tier.name} features: ${unusedFeatures.length} unused`,
        description: `The account uses ${pct(share2)}% of the ${tier.name} features it pays for: enable ${unusedFeatures.slice(0, 3).map(humanKey).join(", ")} first.`,
        evidence: [
          ev(
            "feature_adoption",
            `Uses ${tier.features.length - unusedFeatures.length} of ${tier.features.length} ${tier.name} features (${pct(share2)}%), below ${pct(a.featureShareBelow)}%`,
            pct(share2),
            pct(a.featureShareBelow),
            "featuresUsed"
          )
        ],
        currentState: `${tier.features.length - unusedFeatures.length} of ${tier.features.length} features in use`,
        proposedState: `Using ${unusedFeatures.slice(0, 3).map(humanKey).join(", ")}`,
        valueAtStake: premium,
        strength: 0.6,
        risks: []
      });
    }
  }
  for (const key of account.products) {
    const m = cx.moduleByKey.get(key);
    const last = readings(ctx.records.usage.get(key), ctx.asOfDay, void 0).at(-1);
    if (!m || !last || last.value > 0) continue;
    const price = priceOf(m.price, ctx.seatBase, account.arr);
    out.push({
      ...base,
      subject: `module-${key}`,
      title: `Activate ${m.name}: owned, no usage`,
      description: `The account pays for ${m.name} and recorded no usage of it on ${last.date}: enable it.`,
      evidence: [
        ev(
          "module_unused",
          `${m.name} usage ${last.value} on ${last.date} (owned, ${money(price)} a year)`,
          last.value,
          0,
          `usage[${key}]`
        )
      ],
      currentState: `Owns ${m.name}, unused`,
      proposedState: `${m.name} in use`,
      valueAtStake: price,
      strength: 0.8,
      risks: []
    });
  }
  return out;
}

// ../src/scoring/detectors/benchmark-gaps.ts
var two = (n) => n.toFixed(2);
function detectBenchmarkGaps(ctx) {
  const c = ctx.cohort;
  if (!c) return [];
  const { account, seats, settings } = ctx;
  const b = settings.benchmarks;
  const out = [];
  const spe = c.seatsPerEmployee;
  if (spe && seats && seats.licensed > 0 && account.employees) {
    const own = seats.licensed / account.employees;
    const inUse = seats.active / seats.licensed >= settings.activation.seatUtilBelow;
    const add2 = Math.round((spe.p75 * account.employees - seats.licensed) * b.captureShare);
    if (own < b.gapShare * spe.p75 && inUse && add2 >= 1) {
      const arr = add2 * ctx.seatPrice;
      out.push({
        type: "seat_expansion",
        category: "expansion",
        subject: "seats",
        title: `Close the seat gap to peers: ${add2} seats`,
        description: `Seats per employee trail the top quartile of ${spe.label}: grow coverage by ${add2} seats.`,
        evidence: [
          ev(
            "benchmark_seats_per_employee",
            `${two(own)} seats per employee vs ${two(spe.p75)} in the top quartile of ${spe.label} (${spe.size} accounts); under ${pct(b.gapShare)}% of it`,
            Number(two(own)),
            Number(two(spe.p75)),
            "seats.licensed / employees"
          ),
          ev(
            "sizing",
            `${pct(b.captureShare)}% of the gap to the top quartile = ${add2} seats x ${money(ctx.seatPrice)} = ${money(arr)}`,
            arr,
            void 0,
            "catalog.tiers.seatPrice"
          )
        ],
        currentState: `${seats.licensed} seats for ${account.employees} employees`,
        proposedState: `${seats.licensed + add2} seats`,
        estimatedArr: arr,
        strength: 0.3,
        strongTrigger: false,
        risks: ["Benchmark-based: validate the need with the champion"]
      });
    }
  }
  const fs = c.featureShare;
  const tier = ctx.tier;
  if (fs && tier && tier.features.length > 0) {
    const own = account.featuresUsed.length / tier.features.length;
    if (own < b.gapShare * fs.p75) {
      out.push({
        type: "activation",
        category: "activation",
        subject: "features",
        title: `Adopt more of ${tier.name}: behind peers on features`,
        description: `Feature adoption trails the top quartile of ${fs.label}: enable the features they already pay for.`,
        evidence: [
          ev(
            "benchmark_feature_adoption",
            `${pct(own)}% of ${tier.name} features adopted vs ${pct(fs.p75)}% in the top quartile of ${fs.label} (${fs.size} accounts)`,
            pct(own),
            pct(fs.p75),
            "featuresUsed"
          )
        ],
        currentState: `${account.featuresUsed.length} of ${tier.features.length} features in use`,
        proposedState: `Adoption at the peer top quartile (${pct(fs.p75)}%)`,
        estimatedArr: 0,
        valueAtStake: 0,
        strength: 0.4,
        strongTrigger: false,
        risks: []
      });
    }
  }
  const pr = c.products;
  const module = c.topModules.map((k) => ctx.cx.moduleByKey.get(k)).find((m) => m && !account.products.includes(m.key));
  if (pr && module && account.products.length < b.gapShare * pr.p75) {
    const price = priceOf(module.price, ctx.seatBase, account.arr);
    out.push({
      type: "add_on",
      category: "expansion",
      subject: module.key,
      title: `Add ${module.name}: most owned by top peers`,
      description: `Peers in ${pr.label} with the broadest footprint most often own ${module.name}; this account owns ${account.products.length} module(s).`,
      evidence: [
        ev(
          "benchmark_products",
          `${account.products.length} modules owned vs ${pr.p75} in the top quartile of ${pr.label} (${pr.size} accounts); ${module.name} is their most common`,
          account.products.length,
          pr.p75,
          "products"
        ),
        ev(
          "sizing",
          `${module.name} = ${money(price)}`,
          price,
          void 0,
          `catalog.modules.${module.key}.price`
        )
      ],
      currentState: account.products.length > 0 ? `Owns ${account.products.join(", ")}` : "Core product only",
      proposedState: `Adds ${module.name}`,
      estimatedArr: price,
      strength: 0.3,
      strongTrigger: false,
      risks: ["Peer-based: no stated need yet; discover one first"]
    });
  }
  return out;
}

// ../src/scoring/detectors/champion.ts
function detectChampionMoves(ctx) {
  if (ctx.departures.length === 0) return [];
  const roles = ctx.settings.champion.roles;
  const remaining = activeChampions(ctx.records.contacts, ctx.departures, roles);
  return ctx.departures.map(({ contact, field, text }) => {
    const moved = contact.movedTo;
    const evidence = [
      ev("champion_left", text, contact.leftAt ?? contact.status, void 0, field)
    ];
    if (moved) {
      evidence.push(
        ev(
          "champion_moved",
          `Now ${moved.title ? `${moved.title} at ` : "at "}${moved.company}: a new-logo lead`,
          moved.company,
          void 0,
          "contacts.movedTo.company"
        )
      );
    }
    evidence.push(
      ev(
        "champions_remaining",
        `${remaining.length} active champion(s) remain at the account`,
        remaining.length,
        1,
        "contacts.roles"
      )
    );
    const risks = remaining.length === 0 ? ["No champion remains: renewal at risk until a successor is found"] : [];
    return {
      type: "champion_followup",
      category: "champion",
      subject: contact.id,
      title: `${contact.name} left: secure a successor${moved ? `; new-logo lead at ${moved.company}` : ""}`,
      description: `Re-anchor the account with a new champion${moved ? ` and reach out to ${contact.name} at ${moved.company}` : ""}.`,
      evidence,
      currentState: `${contact.name} (${contact.roles.join(", ")}) gone; ${remaining.length} champion(s) remain`,
      proposedState: moved ? `New champion at the account; ${moved.company} in the new-logo pipeline` : "New champion at the account",
      estimatedArr: 0,
      valueAtStake: remaining.length === 0 ? ctx.account.arr : ctx.account.arr / 2,
      strength: field === "contacts.email" ? 0.5 : 0.9,
      strongTrigger: true,
      risks
    };
  });
}

// ../src/scoring/detectors/conversion.ts
function detectConversion(ctx) {
  const { account, seats, cx } = ctx;
  if (account.lifecycle !== "trial" && account.lifecycle !== "free") return [];
  const tier = ctx.tier ?? cx.catalog.tiers[0];
  const activeContacts = ctx.records.contacts.filter((c) => c.status === "active").length;
  const users = Math.max(1, seats?.active || seats?.licensed || activeContacts);
  const arr = users * tier.seatPrice;
  const evidence = [
    ev(
      "lifecycle",
      `${account.lifecycle === "trial" ? "Trial" : "Free"} account`,
      account.lifecycle,
      void 0,
      "lifecycle"
    )
  ];
  let strength = 0.3;
  if (seats && seats.licensed > 0) {
    const u = seats.active / seats.licensed;
    evidence.push(
      ev(
        "trial_activity",
        `${seats.active} of ${seats.licensed} seats active (${pct(u)}%)`,
        pct(u),
        void 0,
        "seats.active / seats.licensed"
      )
    );
    if (u >= 0.5) strength += 0.3;
  }
  const trend = windowTrend(ctx.seatReadings, ctx.settings.usage.windowDays);
  if (trend && trend.pct > 0) {
    evidence.push(
      ev(
        "usage_trend",
        `Active users ${trend.first.value} to ${trend.last.value} (${signedPct(trend.pct)})`,
        Math.round(trend.pct),
        void 0,
        `usage[${ctx.settings.usage.seatMetric}]`
      )
    );
    strength += 0.2;
  }
  if (ctx.engagement.engagedContacts > 0) {
    evidence.push(
      ev(
        "engagement",
        `${ctx.engagement.engagedContacts} contact(s) engaged recently`,
        ctx.engagement.engagedContacts,
        void 0,
        "contacts.lastEngagedAt"
      )
    );
    strength += 0.2;
  }
  const end = ctx.renewal.next;
  if (end)
    evidence.push(
      ev(
        "trial_end",
        `${account.lifecycle === "trial" ? "Trial ends" : "Plan review"} on ${end}`,
        end,
        void 0,
        "contract.renewal"
      )
    );
  evidence.push(
    ev(
      "sizing",
      `${users} users x ${money(tier.seatPrice)} (${tier.name}) = ${money(arr)}`,
      arr,
      void 0,
      "catalog.tiers.seatPrice"
    )
  );
  return [
    {
      type: "conversion",
      category: "conversion",
      subject: tier.key,
      title: `Convert to ${tier.name}: ${users} active user(s)`,
      description: `Convert the ${account.lifecycle} account to a paid ${tier.name} plan for the ${users} people using it.`,
      evidence,
      currentState: `${account.lifecycle} account`,
      proposedState: `${tier.name}, ${users} seats`,
      estimatedArr: arr,
      strength: Math.min(1, strength),
      strongTrigger: false,
      seats: users,
      risks: []
    }
  ];
}

// ../src/scoring/detectors/graduation.ts
function add(byTarget, target, e, requested) {
  const entry = byTarget.get(target) ?? { evidence: [], sources: 0, requested: false };
  entry.evidence.push(e);
  entry.sources++;
  entry.requested ||= requested;
  byTarget.set(target, entry);
}
function detectGraduation(ctx) {
  const { tier, cx, account } = ctx;
  if (!tier) return [];
  const rank = cx.tierRank.get(tier.key) ?? 0;
  const byTarget = /* @__PURE__ */ new Map();
  const next = nextTier(cx, tier);
  if (next && tier.features.length > 0) {
    const own = new Set(tier.features);
    const used = account.featuresUsed.filter((f) => own.has(f)).length;
    const share2 = used / tier.features.length;
    if (share2 >= ctx.settings.graduation.featureShare) {
      add(
        byTarget,
        rank + 1,
        ev(
          "feature_adoption",
          `Uses ${used} of ${tier.features.length} ${tier.name} features (${pct(share2)}%), at or above ${pct(ctx.settings.graduation.featureShare)}%`,
          pct(share2),
          pct(ctx.settings.graduation.featureShare),
          "featuresUsed"
        ),
        false
      );
    }
  }
  for (const item of ctx.texts) {
    for (const phrase of cx.featureMatcher.findAll(item.text)) {
      const key = featureKeyOf(cx, phrase);
      const target = key ? cx.featureTier.get(key) : void 0;
      if (key === void 0 || target === void 0 || target <= rank) continue;
      const targetTier = cx.catalog.tiers[target];
      add(
        byTarget,
        target,
        ev(
          "feature_request",
          `${item.source.replace("_", " ")} "${item.text}" asks for ${humanKey(key)}, a ${targetTier.name} feature`,
          key,
          targetTier.key,
          item.field
        ),
        true
      );
    }
  }
  const out = [];
  for (const [target, found] of byTarget) {
    const to = cx.catalog.tiers[target];
    const arr = Math.max(0, to.seatPrice - tier.seatPrice) * ctx.seatBase;
    out.push({
      type: "tier_upgrade",
      category: "expansion",
      subject: to.key,
      title: `Upgrade to ${to.name}: outgrowing ${tier.name}`,
      description: `Move from ${tier.name} to ${to.name}: the account ${found.requested ? "asks for" : "uses most of"} what ${tier.name} offers${found.requested ? ` and only ${to.name} has` : ""}.`,
      evidence: [
        ...found.evidence,
        ev(
          "sizing",
          `${ctx.seatBase} seats x ${money(to.seatPrice - tier.seatPrice)} ${tier.name} to ${to.name} price difference = ${money(arr)}`,
          arr,
          void 0,
          "catalog.tiers.seatPrice"
        )
      ],
      currentState: `${tier.name}, ${account.featuresUsed.length} features in use`,
      proposedState: to.name,
      estimatedArr: arr,
      strength: Math.max(0.6, strengthOf(found.sources)),
      strongTrigger: found.requested,
      risks: []
    });
  }
  return out;
}

// ../src/scoring/detectors/module-gaps.ts
function needs(ctx) {
  const byModule = /* @__PURE__ */ new Map();
  for (const item of ctx.texts) {
    for (const { module, matcher } of ctx.cx.moduleMatchers) {
      const keyword = matcher.find(item.text);
      if (!keyword) continue;
      const need = byModule.get(module.key) ?? { module, items: [] };
      need.items.push({ item, keyword });
      byModule.set(module.key, need);
    }
  }
  return [...byModule.values()];
}
var sourceName = (s) => s === "ticket_theme" ? "ticket theme" : `${s.replace("_", " ")} signal`;
function needEvidence(need) {
  return need.items.map(
    ({ item, keyword }) => ev(
      item.source === "competitor" ? "competitor" : "module_need",
      `${sourceName(item.source)} "${item.text}" matches ${need.module.name} ("${keyword}")`,
      keyword,
      need.module.key,
      item.field
    )
  );
}
function detectModuleGaps(ctx) {
  const { account, cx } = ctx;
  const out = [];
  for (const need of needs(ctx)) {
    const m = need.module;
    const evidence = needEvidence(need);
    const sources = new Set(need.items.map((i) => `${i.item.source}:${i.item.text}`)).size;
    const price = priceOf(m.price, ctx.seatBase, account.arr);
    if (account.products.includes(m.key)) {
      out.push({
        type: "activation",
        category: "activation",
        subject: `module-${m.key}`,
        title: `Activate ${m.name}: owned, yet the need is met elsewhere`,
        description: `The account pays for ${m.name} but still works around the need it solves: enable it, do not sell it again.`,
        evidence,
        currentState: `Owns ${m.name}; need handled outside it`,
        proposedState: `${m.name} in use for the need`,
        estimatedArr: 0,
        valueAtStake: price,
        strength: strengthOf(sources),
        strongTrigger: false,
        risks: []
      });
      continue;
    }
    const competitor = need.items.some((i) => i.item.source === "competitor");
    const risks = [];
    const required = m.requiresTier ? cx.tierRank.get(m.requiresTier) : void 0;
    const current = ctx.tier ? cx.tierRank.get(ctx.tier.key) : void 0;
    if (required !== void 0 && (current === void 0 || current < required)) {
      risks.push(
        `Requires the ${cx.catalog.tiers[required].name} tier (account is on ${ctx.tier?.name ?? "an unknown tier"})`
      );
    }
    if (competitor)
      risks.push("Competitor in place: expect an evaluation and switching-cost objections");
    evidence.push(
      ev(
        "sizing",
        `${m.name}: ${priceBasis(m.price, ctx.seatBase)} = ${money(price)}`,
        price,
        void 0,
        `catalog.modules.${m.key}.price`
      )
    );
    out.push({
      type: competitor ? "competitive_displacement" : "add_on",
      category: "expansion",
      subject: m.key,
      title: competitor ? `Replace a competitor with ${m.name}` : `Add ${m.name}`,
      description: competitor ? `A competing tool covers what ${m.name} does: consolidate onto ${m.name}.` : `Add ${m.name} for the need the account describes in its own words.`,
      evidence,
      currentState: account.products.length > 0 ? `Owns ${account.products.join(", ")}` : "Core product only",
      proposedState: `Adds ${m.name}`,
      estimatedArr: price,
      strength: strengthOf(sources),
      strongTrigger: false,
      extraStakeholders: risks.length > 0 && required !== void 0 ? 1 : 0,
      risks
    });
  }
  return out;
}

// ../src/scoring/detectors/plan-limits.ts
var fmt = (n) => Number.isFinite(n) ? grouped(n, 2) : "unlimited";
function limitHits(ctx) {
  const u = ctx.settings.usage;
  const hits = [];
  for (const [metric, points] of ctx.records.usage) {
    if (metric === u.seatMetric || metric === ctx.settings.powerUsers.metric) continue;
    const rs = readings(points, ctx.asOfDay, ctx.tier?.limits[metric]);
    const last = rs[rs.length - 1];
    if (!last?.limit) continue;
    const share2 = last.value / last.limit;
    if (share2 < u.metricThreshold) continue;
    const trend = windowTrend(rs, u.windowDays);
    if (!trend || trend.pct <= u.minRisePct) continue;
    const field = `usage[${metric}]`;
    hits.push({
      metric,
      evidence: [
        ev(
          "plan_limit",
          `${metric} at ${fmt(last.value)} of its ${fmt(last.limit)} limit (${pct(share2)}%), at or above ${pct(u.metricThreshold)}%`,
          pct(share2),
          pct(u.metricThreshold),
          field
        ),
        ev(
          "metric_trend",
          `${metric} ${fmt(trend.first.value)} to ${fmt(trend.last.value)} from ${trend.first.date} to ${trend.last.date} (${signedPct(trend.pct)})`,
          Math.round(trend.pct),
          u.minRisePct,
          field
        )
      ]
    });
  }
  return hits;
}
function detectPlanLimits(ctx) {
  const hits = limitHits(ctx);
  if (hits.length === 0) return [];
  const { tier, account } = ctx;
  const next = tier ? nextTier(ctx.cx, tier) : void 0;
  const metrics = hits.map((h) => h.metric);
  if (tier && next) {
    const arr = Math.max(0, next.seatPrice - tier.seatPrice) * ctx.seatBase;
    const evidence = hits.flatMap((h) => h.evidence);
    evidence.push(
      ev(
        "sizing",
        `${ctx.seatBase} seats x ${money(next.seatPrice - tier.seatPrice)} ${tier.name} to ${next.name} price difference = ${money(arr)}`,
        arr,
        void 0,
        "catalog.tiers.seatPrice"
      )
    );
    const lifted = metrics.map((m) => `${m} ${fmt(next.limits[m] ?? Infinity)}`).join(", ");
    return [
      {
        type: "tier_upgrade",
        category: "expansion",
        subject: next.key,
        title: `Upgrade to ${next.name}: ${metrics.join(", ")} near the ${tier.name} limit`,
        description: `Move from ${tier.name} to ${next.name} to lift the limits on ${metrics.join(", ")} before usage hits them.`,
        evidence,
        currentState: `${tier.name} (${metrics.map((m) => `${m} limit ${fmt(tier.limits[m] ?? 0)}`).join(", ")})`,
        proposedState: `${next.name} (${lifted})`,
        estimatedArr: arr,
        strength: Math.min(1, 0.85 + 0.15 * (hits.length - 1)),
        strongTrigger: true,
        risks: []
      }
    ];
  }
  return hits.map((h) => {
    const arr = account.arr * ctx.settings.usage.capacityPctOfArr;
    return {
      type: "usage_expansion",
      category: "expansion",
      subject: h.metric,
      title: `Expand ${h.metric} capacity: near the plan limit and rising`,
      description: `Add ${h.metric} capacity before usage hits the limit${tier ? ` of ${tier.name}, the top tier` : ""}.`,
      evidence: [
        ...h.evidence,
        ev(
          "sizing",
          `Capacity block at ${pct(ctx.settings.usage.capacityPctOfArr)}% of ARR = ${money(arr)}`,
          arr,
          void 0,
          "arr"
        )
      ],
      currentState: `${tier?.name ?? "current plan"} at ${h.metric} limit`,
      proposedState: `Additional ${h.metric} capacity`,
      estimatedArr: arr,
      strength: 0.85,
      strongTrigger: true,
      risks: []
    };
  });
}

// ../src/scoring/detectors/power-users.ts
function detectPowerUsers(ctx) {
  const p2 = ctx.settings.powerUsers;
  const rs = readings(ctx.records.usage.get(p2.metric), ctx.asOfDay, void 0);
  const last = rs[rs.length - 1];
  if (!last) return [];
  const share2 = last.value > 1 ? last.value / 100 : last.value;
  if (share2 < p2.threshold) return [];
  const concentration = ev(
    "power_user_concentration",
    `${pct(share2)}% of activity comes from the top fifth of users (as of ${last.date}), at or above ${pct(p2.threshold)}%`,
    pct(share2),
    pct(p2.threshold),
    `usage[${p2.metric}]`
  );
  const seats = ctx.seats;
  if (!seats || seats.licensed === 0) return [];
  const unused = seats.licensed - seats.active;
  if (seats.active / seats.licensed < ctx.settings.usage.seatThreshold && unused > 0) {
    return [
      {
        type: "activation",
        category: "activation",
        subject: "seats",
        title: `Spread usage beyond the power users: ${unused} paid seats idle`,
        description: `Usage rests on a few people while ${unused} paid seats sit idle: enable the wider team before any seat talk.`,
        evidence: [
          concentration,
          ev(
            "unused_seats",
            `${unused} of ${seats.licensed} licensed seats unused`,
            unused,
            void 0,
            "seats.licensed - seats.active"
          )
        ],
        currentState: `${seats.active} of ${seats.licensed} seats active; activity concentrated`,
        proposedState: "Activity spread across the licensed team",
        estimatedArr: 0,
        valueAtStake: unused * ctx.seatPrice,
        strength: 0.7,
        strongTrigger: false,
        risks: []
      }
    ];
  }
  const using = ctx.records.departments.filter((d2) => d2.usesProduct && d2.headcount !== void 0);
  const headcount = using.reduce((n, d2) => n + (d2.headcount ?? 0), 0);
  if (headcount <= seats.licensed) return [];
  const add2 = Math.ceil((headcount - seats.licensed) * ctx.settings.whitespace.deptAdoptionShare);
  const arr = add2 * ctx.seatPrice;
  const teams2 = using.map((d2) => d2.name).join(", ");
  return [
    {
      type: "seat_expansion",
      category: "expansion",
      subject: "seats",
      title: `Widen adoption: ${add2} seats for the rest of ${teams2}`,
      description: `A few power users carry the work of ${teams2} (${headcount} people on ${seats.licensed} seats): add ${add2} seats for the wider team.`,
      evidence: [
        concentration,
        ev(
          "team_coverage",
          `${teams2}: ${headcount} people, ${seats.licensed} licensed seats`,
          headcount,
          seats.licensed,
          "departments.headcount"
        ),
        ev(
          "sizing",
          `${add2} seats x ${money(ctx.seatPrice)}/seat = ${money(arr)}`,
          arr,
          void 0,
          "catalog.tiers.seatPrice"
        )
      ],
      currentState: `${seats.licensed} seats for ${headcount} people in ${teams2}`,
      proposedState: `${seats.licensed + add2} licensed seats`,
      estimatedArr: arr,
      strength: 0.55,
      strongTrigger: false,
      benefits: teams2,
      risks: []
    }
  ];
}

// ../src/scoring/detectors/growth.ts
var GROWTH_KINDS = [
  "funding",
  "hiring",
  "new_office",
  "acquisition"
];
function companyGrowth(ctx) {
  const { account, settings } = ctx;
  const evidence = [];
  let rate;
  const prior = account.employeesPrior;
  if (account.employees !== void 0 && prior && prior.count > 0) {
    const g = (account.employees - prior.count) / prior.count;
    rate = g;
    evidence.push(
      ev(
        "employee_growth",
        `Headcount ${prior.count} to ${account.employees} since ${prior.asOf} (${g >= 0 ? "+" : ""}${pct(g)}%)`,
        pct(g),
        pct(settings.whitespace.minGrowth),
        "employees / employeesPrior.count"
      )
    );
  }
  const elsewhere = ctx.records.departments.filter((d2) => !d2.usesProduct).map((d2) => d2.name.toLowerCase());
  for (const sig of ctx.records.signals) {
    if (!GROWTH_KINDS.includes(sig.kind) || sig.date > ctx.asOf) continue;
    if (sig.kind === "hiring" && elsewhere.some((d2) => sig.detail.toLowerCase().includes(d2)))
      continue;
    if (ctx.asOfDay - toDay(sig.date) > settings.whitespace.signalLookbackDays) continue;
    const detail = sig.detail ? `: ${sig.detail}` : "";
    evidence.push(
      ev(
        sig.kind,
        `${sig.kind.replace("_", " ")} on ${sig.date}${detail}`,
        sig.value,
        void 0,
        `signals[${sig.kind}]`
      )
    );
    if (sig.kind === "hiring" && sig.value && account.employees) {
      rate = Math.max(rate ?? 0, sig.value / account.employees);
    }
  }
  return { rate, evidence };
}

// ../src/scoring/detectors/seats.ts
function seatsToClear(active, threshold) {
  return Math.floor(active / threshold + 1e-9) + 1;
}
function detectSeats(ctx) {
  const { settings } = ctx;
  const last = ctx.seatReadings[ctx.seatReadings.length - 1];
  const seats = ctx.seats ?? (last?.limit ? { licensed: last.limit, active: last.value } : void 0);
  const u = settings.usage;
  const field = `usage[${u.seatMetric}]`;
  const streak = trailingStreak(ctx.seatReadings, u.seatThreshold);
  const sustained = streak !== void 0 && streak.count >= 2 && streak.days >= u.sustainedDays;
  const growth = companyGrowth(ctx);
  const growthRate = growth.rate !== void 0 && growth.rate >= settings.whitespace.minGrowth ? growth.rate : 0;
  if (!sustained && growthRate === 0) return [];
  const evidence = [];
  let add2;
  let currentState;
  if (seats && seats.licensed > 0) {
    const target = seats.active * (1 + growthRate);
    add2 = Math.max(0, seatsToClear(target, u.seatThreshold) - seats.licensed);
    currentState = `${seats.licensed} licensed seats, ${seats.active} active (${pct(seats.active / seats.licensed)}%)`;
  } else {
    add2 = Math.round(ctx.seatBase * growthRate);
    currentState = `about ${ctx.seatBase} seats (estimated from ARR; no seat data)`;
  }
  if (add2 === 0) return [];
  if (streak && sustained && seats) {
    evidence.push(
      ev(
        "seat_utilization",
        `${seats.active} of ${seats.licensed} licensed seats active (${pct(seats.active / seats.licensed)}%), at or above ${pct(u.seatThreshold)}%`,
        pct(seats.active / seats.licensed),
        pct(u.seatThreshold),
        "seats.active / seats.licensed"
      ),
      ev(
        "seat_ceiling_sustained",
        `At or above ${pct(u.seatThreshold)}% for ${streak.days} days over ${streak.count} readings (since ${streak.from.date})`,
        streak.days,
        u.sustainedDays,
        field
      )
    );
    const trend = windowTrend(ctx.seatReadings, u.windowDays);
    if (trend) {
      const added = trend.last.value - trend.first.value;
      evidence.push(
        ev(
          "seat_trend",
          `Active seats ${trend.first.value} to ${trend.last.value} from ${trend.first.date} to ${trend.last.date} (${signedPct(trend.pct)})`,
          Math.round(trend.pct),
          void 0,
          field
        )
      );
      if (added > 0)
        evidence.push(
          ev(
            "users_added",
            `${added} users added in the last ${u.windowDays} days`,
            added,
            void 0,
            field
          )
        );
    }
  }
  evidence.push(...growth.evidence);
  const arr = add2 * ctx.seatPrice;
  const licensed = (seats?.licensed ?? ctx.seatBase) + add2;
  evidence.push(
    ev(
      "sizing",
      `${add2} seats x ${money(ctx.seatPrice)}/seat = ${money(arr)}`,
      arr,
      void 0,
      "catalog.tiers.seatPrice"
    )
  );
  const growthNote = growthRate > 0 ? ` and absorb ${pct(growthRate)}% company growth` : "";
  return [
    {
      type: "seat_expansion",
      category: "expansion",
      subject: "seats",
      title: sustained && seats ? `Add ${add2} seats: ${pct(seats.active / seats.licensed)}% of seats in use for ${Math.round(streak.days / 7)} weeks` : `Add ${add2} seats for ${pct(growthRate)}% company growth`,
      description: `Add ${add2} seats (to ${licensed}) so utilization drops back under ${pct(u.seatThreshold)}%${growthNote}.`,
      evidence,
      currentState,
      proposedState: `${licensed} licensed seats`,
      estimatedArr: arr,
      strength: sustained ? Math.min(1, 0.8 + (growthRate > 0 ? 0.2 : 0)) : seats ? 0.5 : 0.35,
      strongTrigger: sustained,
      risks: sustained ? [] : ["Growth-based sizing: confirm hiring plans before proposing seats"]
    }
  ];
}

// ../src/scoring/detectors/services.ts
function addTo(found, key, e) {
  const list = found.get(key);
  if (list) list.push(e);
  else found.set(key, [e]);
}
function triggers(ctx, newDepartments) {
  const s = ctx.settings.services;
  const found = /* @__PURE__ */ new Map();
  const rollout = newDepartments.reduce((n, c) => n + (c.seats ?? 0), 0);
  if (newDepartments.length > 0 && rollout >= s.minRolloutSeats) {
    const names = newDepartments.map((c) => c.benefits ?? c.subject).join(", ");
    addTo(
      found,
      "new_department",
      ev(
        "rollout",
        `Rollout of ${rollout} seats to ${names}`,
        rollout,
        s.minRolloutSeats,
        "departments"
      )
    );
  }
  for (const sig of ctx.records.signals) {
    if (sig.kind !== "acquisition" && sig.kind !== "new_office" || sig.date > ctx.asOf) continue;
    if (ctx.asOfDay - toDay(sig.date) > ctx.settings.whitespace.signalLookbackDays) continue;
    addTo(
      found,
      sig.kind,
      ev(
        sig.kind,
        `${sig.kind.replace("_", " ")} on ${sig.date}${sig.detail ? `: ${sig.detail}` : ""}`,
        sig.detail || sig.kind,
        void 0,
        `signals[${sig.kind}]`
      )
    );
  }
  const seats = ctx.seats;
  if (seats && seats.licensed > 0 && seats.active / seats.licensed < s.lowAdoptionUtil) {
    const purchase = ctx.records.deals.find(
      (d2) => d2.won && d2.closeDate && (d2.kind === "new" || d2.kind === "expansion") && d2.closeDate <= ctx.asOf && ctx.asOfDay - toDay(d2.closeDate) <= s.purchaseLookbackDays
    );
    if (purchase) {
      addTo(
        found,
        "low_adoption",
        ev(
          "low_adoption",
          `${pct(seats.active / seats.licensed)}% of seats active since "${purchase.name}" closed on ${purchase.closeDate}, below ${pct(s.lowAdoptionUtil)}%`,
          pct(seats.active / seats.licensed),
          pct(s.lowAdoptionUtil),
          "seats.active / seats.licensed"
        )
      );
    }
  }
  const tickets = ctx.account.health?.tickets90d;
  if (tickets !== void 0 && tickets >= s.ticketVolume90d) {
    addTo(
      found,
      "ticket_volume",
      ev(
        "ticket_volume",
        `${tickets} support tickets in 90 days, at or above ${s.ticketVolume90d}`,
        tickets,
        s.ticketVolume90d,
        "health.tickets90d"
      )
    );
  }
  return found;
}
function detectServices(ctx, newDepartments) {
  const found = triggers(ctx, newDepartments);
  if (found.size === 0) return [];
  const out = [];
  for (const service of ctx.cx.catalog.services) {
    if (ctx.account.products.includes(service.key)) continue;
    const hit = service.triggers.filter((t) => found.has(t));
    if (hit.length === 0) continue;
    const support = service.triggers.includes("ticket_volume");
    const price = priceOf(service.price, ctx.seatBase, ctx.account.arr);
    const evidence = hit.flatMap((t) => found.get(t) ?? []);
    evidence.push(
      ev(
        "sizing",
        `${service.name}: ${priceBasis(service.price, ctx.seatBase)} = ${money(price)}`,
        price,
        void 0,
        `catalog.services.${service.key}.price`
      )
    );
    out.push({
      type: support ? "support_upgrade" : "professional_services",
      category: "expansion",
      subject: service.key,
      title: `${service.name}: ${hit.map((t) => t.replace("_", " ")).join(", ")}`,
      description: support ? `Move to ${service.name}: the ticket load shows the team needs faster, named help.` : `Offer ${service.name} to land the change (${hit.map((t) => t.replace("_", " ")).join(", ")}) well.`,
      evidence,
      currentState: support ? "Standard support" : "No services engagement",
      proposedState: service.name,
      estimatedArr: price,
      strength: strengthOf(hit.length),
      strongTrigger: false,
      risks: []
    });
  }
  return out;
}

// ../src/scoring/detectors/stabilization.ts
function unlockConditions(ctx) {
  const h = ctx.settings.health;
  const out = [];
  for (const p2 of ctx.health.problems) {
    if (p2.field === "health.score") out.push(`health score back to ${h.scoreYellow}+`);
    else if (p2.field === "health.nps") out.push(`NPS back to ${h.npsYellow}+`);
    else if (p2.field === "health.lastQbr") out.push("a positive business review");
    else if (p2.field === "health.tickets90d")
      out.push(`support tickets under ${h.ticketSpike90d} per 90 days`);
    else if (p2.field === "usage") out.push(`usage trend back above ${h.declineYellowPct}%`);
    else if (p2.field === "contacts.status") out.push("a new champion named and engaged");
    else if (p2.field === "lifecycle") out.push("a win-back: the account has churned");
  }
  return [...new Set(out)];
}
function detectStabilization(ctx, withheld) {
  if (ctx.health.light !== "red") return [];
  const unlock = unlockConditions(ctx);
  const evidence = ctx.health.problems.map(
    (p2) => ev("health_reason", p2.text, p2.value, p2.threshold, p2.field)
  );
  const held = withheld.reduce((n, c) => n + c.estimatedArr, 0);
  for (const c of withheld) {
    evidence.push(
      ev(
        "withheld_expansion",
        `Held back until health recovers: ${c.title} (${money(c.estimatedArr)})`,
        c.estimatedArr,
        void 0,
        c.type
      )
    );
  }
  return [
    {
      type: "stabilization",
      category: "stabilization",
      subject: "health",
      title: `Stabilize the account: ${ctx.health.problems[0]?.text ?? "at risk"}`,
      description: `Retention first, no expansion pitch. Expansion unlocks with ${unlock.join("; ") || "the risks resolved"}${held > 0 ? ` (${money(held)} of expansion waiting)` : ""}.`,
      evidence,
      currentState: `At risk: ${ctx.health.reasons.join("; ")}`,
      proposedState: `Healthy: ${unlock.join("; ") || "risks resolved"}`,
      estimatedArr: 0,
      valueAtStake: ctx.account.arr,
      strength: 0.8,
      strongTrigger: true,
      extraStakeholders: 0,
      risks: ["Churn risk: an expansion pitch now would damage trust"]
    }
  ];
}

// ../src/scoring/detectors/whitespace.ts
var norm = (s) => s.trim().toLowerCase();
var USER_ROLES = /* @__PURE__ */ new Set(["champion", "power_user"]);
function teams(ctx) {
  const { departments, contacts } = ctx.records;
  const known = new Map(departments.map((d2) => [norm(d2.name), d2]));
  const out = departments.filter((d2) => !d2.usesProduct).map((d2) => ({ name: d2.name, headcount: d2.headcount, contacts: [], fromDepartments: true }));
  const byName = new Map(out.map((t) => [norm(t.name), t]));
  const fromContacts = /* @__PURE__ */ new Map();
  const usedByContacts = /* @__PURE__ */ new Set();
  for (const c of contacts) {
    if (c.status !== "active" || !c.department) continue;
    const key = norm(c.department);
    const team = byName.get(key);
    if (team) team.contacts.push(c);
    else if (!known.has(key)) {
      if (c.roles.some((r2) => USER_ROLES.has(r2))) usedByContacts.add(key);
      const t = fromContacts.get(key) ?? {
        name: c.department,
        headcount: void 0,
        contacts: [],
        fromDepartments: false
      };
      t.contacts.push(c);
      fromContacts.set(key, t);
    }
  }
  for (const [key, t] of fromContacts) {
    const engaged = t.contacts.some((c) => c.lastEngagedAt && c.roles.length === 0);
    if (!usedByContacts.has(key) && engaged) out.push(t);
  }
  return out;
}
function detectWhitespace(ctx) {
  const ws = ctx.settings.whitespace;
  let spare = ctx.seats ? Math.max(0, ctx.seats.licensed - ctx.seats.active) : 0;
  const newEngaged = new Set(ctx.engagement.newEngaged);
  const out = [];
  for (const team of teams(ctx)) {
    const seats = team.headcount !== void 0 ? Math.max(1, Math.round(team.headcount * ws.deptAdoptionShare)) : Math.max(ws.minDeptSeats, team.contacts.length);
    const evidence = [
      team.fromDepartments ? ev(
        "department_whitespace",
        `${team.name}${team.headcount !== void 0 ? ` (${team.headcount} people)` : ""} does not use the product`,
        team.headcount ?? team.name,
        void 0,
        "departments.usesProduct"
      ) : ev(
        "department_whitespace",
        `${team.contacts.length} engaged contact(s) in ${team.name}, a team without users`,
        team.contacts.length,
        void 0,
        "contacts.department"
      )
    ];
    let strong = false;
    for (const c of team.contacts) {
      if (!newEngaged.has(c)) continue;
      strong = true;
      evidence.push(
        ev(
          "new_contact_engaging",
          `New contact ${c.name}${c.title ? ` (${c.title})` : ""} in ${team.name} engaged on ${c.lastEngagedAt}`,
          c.lastEngagedAt,
          void 0,
          "contacts.createdAt / contacts.lastEngagedAt"
        )
      );
    }
    const name = norm(team.name);
    for (const item of ctx.texts) {
      if (!containsWord(item.text, name)) continue;
      strong = true;
      evidence.push(
        ev(
          "department_mention",
          `${item.source.replace("_", " ")} "${item.text}" names ${team.name}`,
          item.text,
          void 0,
          item.field
        )
      );
    }
    const fromSpare = Math.min(spare, seats);
    spare -= fromSpare;
    const toBuy = seats - fromSpare;
    const sizing = team.headcount !== void 0 ? `${pct(ws.deptAdoptionShare)}% of ${team.headcount} people = ${seats} seats` : `${seats} seats (headcount unknown)`;
    if (toBuy === 0) {
      out.push({
        type: "activation",
        category: "activation",
        subject: `dept-${norm(team.name)}`,
        title: `Roll out to ${team.name} on ${seats} idle paid seats`,
        description: `${team.name} can start on seats the account already pays for: a rollout, not a purchase.`,
        evidence: [
          ...evidence,
          ev(
            "sizing",
            `${sizing}, covered by idle seats`,
            seats,
            void 0,
            "seats.licensed - seats.active"
          )
        ],
        currentState: `${team.name} not using the product`,
        proposedState: `${team.name} on ${seats} existing seats`,
        estimatedArr: 0,
        valueAtStake: seats * ctx.seatPrice,
        strength: strong ? 0.8 : 0.5,
        strongTrigger: false,
        seats,
        benefits: team.name,
        risks: []
      });
      continue;
    }
    const arr = toBuy * ctx.seatPrice;
    evidence.push(
      ev(
        "sizing",
        `${sizing}${fromSpare ? `, ${fromSpare} from idle seats` : ""}; ${toBuy} x ${money(ctx.seatPrice)}/seat = ${money(arr)}`,
        arr,
        void 0,
        "departments.headcount"
      )
    );
    out.push({
      type: "new_department",
      category: "expansion",
      subject: norm(team.name),
      title: `Bring ${team.name} on: ${toBuy} new seats`,
      description: `Extend the product to ${team.name}, a team that does not use it yet, with ${seats} seats.`,
      evidence,
      currentState: `${team.name} not using the product`,
      proposedState: `${team.name} on ${seats} seats`,
      estimatedArr: arr,
      strength: Math.min(1, (team.fromDepartments ? 0.5 : 0.4) + (strong ? 0.3 : 0)),
      strongTrigger: strong,
      seats,
      benefits: team.name,
      risks: []
    });
  }
  return out;
}

// ../src/scoring/detectors/index.ts
function mergeCandidates(list) {
  let duplicate = false;
  for (let i = 0; i < list.length && !duplicate; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (list[i].type === list[j].type && list[i].subject === list[j].subject) {
        duplicate = true;
        break;
      }
    }
  }
  if (!duplicate) return list;
  const byKey = /* @__PURE__ */ new Map();
  for (const c of list) {
    const key = `${c.type}\0${c.subject}`;
    const group2 = byKey.get(key);
    if (group2) group2.push(c);
    else byKey.set(key, [c]);
  }
  const out = [];
  for (const group2 of byKey.values()) {
    if (group2.length === 1) {
      out.push(group2[0]);
      continue;
    }
    const sorted = [...group2].sort(
      (a, b) => b.strength - a.strength || b.estimatedArr - a.estimatedArr
    );
    const lead = sorted[0];
    const seen = /* @__PURE__ */ new Set();
    const evidence = sorted.flatMap((c) => c.evidence).filter((e) => {
      const k = `${e.signal}\0${e.text}`;
      return !seen.has(k) && seen.add(k) !== void 0;
    });
    out.push({
      ...lead,
      evidence,
      estimatedArr: Math.max(...group2.map((c) => c.estimatedArr)),
      ...group2.some((c) => c.valueAtStake !== void 0) && {
        valueAtStake: Math.max(...group2.map((c) => c.valueAtStake ?? 0))
      },
      // Independent detectors agreeing make the case stronger.
      strength: Math.min(1, lead.strength + 0.1 * (group2.length - 1)),
      strongTrigger: group2.some((c) => c.strongTrigger),
      risks: [...new Set(group2.flatMap((c) => c.risks))]
    });
  }
  return out;
}
function expansionAndActivation(ctx) {
  const whitespace = detectWhitespace(ctx);
  const newDepartments = whitespace.filter((c) => c.type === "new_department");
  return [
    ...detectSeats(ctx),
    ...detectPlanLimits(ctx),
    ...detectGraduation(ctx),
    ...detectPowerUsers(ctx),
    ...detectModuleGaps(ctx),
    ...whitespace,
    ...detectServices(ctx, newDepartments),
    ...detectBenchmarkGaps(ctx),
    ...detectActivation(ctx)
  ];
}
function detectAll(ctx) {
  return detectByLifecycle(ctx).map(normalized);
}
function detectByLifecycle(ctx) {
  const champion = detectChampionMoves(ctx);
  const lifecycle = ctx.account.lifecycle;
  if (lifecycle === "churned") return champion;
  if (lifecycle === "trial" || lifecycle === "free") return [...detectConversion(ctx), ...champion];
  const found = mergeCandidates(expansionAndActivation(ctx));
  if (ctx.health.light !== "red") return [...found, ...champion];
  const withheld = found.filter((c) => c.category === "expansion");
  const kept = found.filter((c) => c.category !== "expansion");
  return [...detectStabilization(ctx, withheld), ...kept, ...champion];
}

// ../src/scoring/portfolio-index.ts
var EMPTY = Object.freeze({
  contacts: [],
  deals: [],
  departments: [],
  signals: [],
  usage: /* @__PURE__ */ new Map()
});
function group(rows) {
  const out = /* @__PURE__ */ new Map();
  for (const r2 of rows) {
    const list = out.get(r2.accountId);
    if (list) list.push(r2);
    else out.set(r2.accountId, [r2]);
  }
  return out;
}
function indexPortfolio(p2) {
  const contacts = group(p2.contacts);
  const deals = group(p2.deals);
  const departments = group(p2.departments);
  const signals = group(p2.signals);
  const usage = /* @__PURE__ */ new Map();
  for (const u of p2.usage) {
    let byMetric = usage.get(u.accountId);
    if (!byMetric) usage.set(u.accountId, byMetric = /* @__PURE__ */ new Map());
    const series = byMetric.get(u.metric);
    if (series) series.push(u);
    else byMetric.set(u.metric, [u]);
  }
  for (const byMetric of usage.values()) {
    for (const series of byMetric.values()) {
      if (series.some((u, i) => i > 0 && u.date < series[i - 1].date)) {
        series.sort((a, b) => a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
      }
    }
  }
  return {
    records(accountId) {
      const has = contacts.has(accountId) || deals.has(accountId) || departments.has(accountId) || signals.has(accountId) || usage.has(accountId);
      if (!has) return EMPTY;
      return {
        contacts: contacts.get(accountId) ?? [],
        deals: deals.get(accountId) ?? [],
        departments: departments.get(accountId) ?? [],
        signals: signals.get(accountId) ?? [],
        usage: usage.get(accountId) ?? /* @__PURE__ */ new Map()
      };
    }
  };
}

// ../src/scoring/score-portfolio.ts
var byPriority = (a, b) => b.scores.composite - a.scores.composite || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
function scorePortfolio(input) {
  const { portfolio, catalog: catalog2, settings, asOf } = input;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(toDay(asOf))) {
    throw new RangeError(`scorePortfolio: asOf must be a date as YYYY-MM-DD, got "${asOf}"`);
  }
  const cx = indexCatalog(catalog2);
  const records = indexPortfolio(portfolio);
  const benchmarks = buildBenchmarks(portfolio.accounts, cx, settings);
  const opportunities = [];
  const accounts = [];
  for (const account of portfolio.accounts) {
    const ctx = buildContext(account, records.records(account.id), asOf, settings, cx, benchmarks);
    const people = accountPeople(ctx);
    const shared = accountRisks(ctx, people);
    const opps = detectAll(ctx).map(
      (c) => buildOpportunity(c, ctx, people, shared, input.likelihoodOverride)
    );
    opps.sort(byPriority);
    accounts.push(summarizeAccount(ctx, opps));
    for (const o of opps) opportunities.push(o);
  }
  return { opportunities, accounts };
}

// ../src/scoring/settings/index.ts
import { z as z7 } from "zod";

// ../src/scoring/settings/gates.ts
import { z as z4 } from "zod";
var days = z4.number().int().positive();
var HealthSchema = z4.object({
  /** Health score below which the light is red. @default 50 */
  scoreRed: z4.number().default(50),
  /** Health score below which the light is at least yellow. @default 70 */
  scoreYellow: z4.number().default(70),
  /** NPS below which the light is red. @default -20 */
  npsRed: z4.number().default(-20),
  /** NPS below which the light is at least yellow. @default 10 */
  npsYellow: z4.number().default(10),
  /** A negative QBR within this many days is a yellow reason. @default 180 */
  qbrWithinDays: days.default(180),
  /** Tickets in 90 days at or above which there is a ticket spike (yellow). @default 15 */
  ticketSpike90d: z4.number().int().nonnegative().default(15),
  /** Usage trend (%) at or below which usage declines (yellow). @default -10 */
  declineYellowPct: z4.number().default(-10),
  /** Usage trend (%) at or below which usage collapses (red). @default -25 */
  declineRedPct: z4.number().default(-25),
  /** Yellow reasons that together make the light red. @default 2 */
  yellowReasonsForRed: z4.number().int().positive().default(2)
}).strict();
var TimingSchema = z4.object({
  /** Months after a renewal during which the customer is still settling. @default 2 */
  justRenewedMonths: z4.number().int().nonnegative().default(2),
  /** Months after a renewal up to which expansion talks land best. @default 4 */
  settledUntilMonths: z4.number().int().positive().default(4),
  /** Days before the renewal that the non-renewal notice is due. @default 90 */
  noticeDays: z4.number().int().nonnegative().default(90),
  /** Days before the notice date from which plans fold into the renewal. @default 60 */
  renewalLeadDays: z4.number().int().nonnegative().default(60),
  /** Term assumed when a contract has a renewal date but no term. @default 12 */
  defaultTermMonths: z4.number().int().positive().default(12),
  /** Days to act (or revisit, for hold) per timing. @default now 7, 30d 30, 90d 90, hold 90 */
  deadlineDays: z4.object({
    now: days.default(7),
    "30d": days.default(30),
    "90d": days.default(90),
    hold: days.default(90)
  }).strict().prefault({})
}).strict();
var ConfidenceSchema = z4.object({
  /** Accounts below this confidence are flagged low_confidence. @default 0.5 */
  lowBelow: z4.number().min(0).max(1).default(0.5),
  /** Usage points an account needs for its usage history to count. @default 4 */
  minUsagePoints: z4.number().int().nonnegative().default(4),
  /** Weight of each field in data completeness (normalized). @default seats 0.15, usage 0.2, plan 0.1, renewal 0.1, health 0.1, employees 0.1, contacts 0.15, features 0.05, industry 0.05 */
  fieldWeights: z4.object({
    seats: z4.number().nonnegative().default(0.15),
    usage: z4.number().nonnegative().default(0.2),
    plan: z4.number().nonnegative().default(0.1),
    renewal: z4.number().nonnegative().default(0.1),
    health: z4.number().nonnegative().default(0.1),
    employees: z4.number().nonnegative().default(0.1),
    contacts: z4.number().nonnegative().default(0.15),
    features: z4.number().nonnegative().default(0.05),
    industry: z4.number().nonnegative().default(0.05)
  }).strict().prefault({})
}).strict();

// ../src/scoring/settings/detectors.ts
import { z as z5 } from "zod";
var share = z5.number().min(0).max(1);
var days2 = z5.number().int().positive();
var UsageSchema = z5.object({
  /** Usage metric holding active seats (`limit` = licensed seats). @default 'active_seats' */
  seatMetric: z5.string().min(1).default("active_seats"),
  /** Seat utilization at or above which seats are a ceiling. @default 0.8 */
  seatThreshold: share.default(0.8),
  /** Days the seat ceiling must be sustained, over at least two readings. @default 14 */
  sustainedDays: days2.default(14),
  /** Share of a plan limit at or above which a metric is a ceiling. @default 0.85 */
  metricThreshold: share.default(0.85),
  /** Trend (% over the window) a plan-limited metric must exceed to count as rising. @default 0 */
  minRisePct: z5.number().default(0),
  /** Window for trends and "users added last quarter". @default 90 */
  windowDays: days2.default(90),
  /** Extra capacity priced as this share of ARR when no higher tier exists. @default 0.2 */
  capacityPctOfArr: share.default(0.2)
}).strict();
var GraduationSchema = z5.object({
  /** Share of the current tier's features in use that signals graduation. @default 0.8 */
  featureShare: share.default(0.8)
}).strict();
var PowerUsersSchema = z5.object({
  /** Usage metric: % (0–100, or a 0–1 fraction) of activity from the top fifth of users. @default 'power_user_share' */
  metric: z5.string().min(1).default("power_user_share"),
  /** Share of activity at or above which usage counts as concentrated. @default 0.7 */
  threshold: share.default(0.7)
}).strict();
var ModulesSchema = z5.object({
  /** Signals older than this are ignored by text matching. @default 180 */
  lookbackDays: days2.default(180)
}).strict();
var WhitespaceSchema = z5.object({
  /** Share of a department's headcount expected to take seats. @default 0.5 */
  deptAdoptionShare: share.default(0.5),
  /** Seats proposed for a department of unknown headcount. @default 5 */
  minDeptSeats: z5.number().int().positive().default(5),
  /** A contact created this recently that engages counts as a new contact engaging. @default 90 */
  newContactDays: days2.default(90),
  /** Employee growth (vs the prior count) at or above which growth is a trigger. @default 0.1 */
  minGrowth: share.default(0.1),
  /** Growth signals (funding, hiring, office, acquisition) within this many days count. @default 180 */
  signalLookbackDays: days2.default(180)
}).strict();
var ServicesSchema = z5.object({
  /** Tickets in 90 days at or above which support is a trigger. @default 20 */
  ticketVolume90d: z5.number().int().nonnegative().default(20),
  /** Seat utilization below which a recent purchase counts as low adoption. @default 0.5 */
  lowAdoptionUtil: share.default(0.5),
  /** A won deal within this many days counts as a recent purchase. @default 180 */
  purchaseLookbackDays: days2.default(180),
  /** Seats of new departments from which a rollout package is proposed. @default 10 */
  minRolloutSeats: z5.number().int().nonnegative().default(10)
}).strict();
var BenchmarksSchema = z5.object({
  /** Accounts a cohort needs; smaller cohorts fall back to segment, then portfolio. @default 8 */
  minCohort: z5.number().int().min(2).default(8),
  /** An account below this share of its cohort's top quartile is under-penetrated. @default 0.6 */
  gapShare: share.default(0.6),
  /** Share of the seat gap to the top quartile proposed as seats. @default 0.25 */
  captureShare: share.default(0.25),
  /** Segment from ARR when absent: enterprise from this ARR. @default 100000 */
  enterpriseArr: z5.number().nonnegative().default(1e5),
  /** Segment from ARR when absent: mid-market from this ARR. @default 25000 */
  midMarketArr: z5.number().nonnegative().default(25e3)
}).strict();
var ActivationSchema = z5.object({
  /** Seat utilization below which paid seats are unused (activation). @default 0.6 */
  seatUtilBelow: share.default(0.6),
  /** Share of the tier's features in use below which features are unused. @default 0.5 */
  featureShareBelow: share.default(0.5)
}).strict();
var ChampionSchema = z5.object({
  /** Contact roles whose departure is champion loss. @default [champion, exec_sponsor] */
  roles: z5.array(z5.enum(CONTACT_ROLES)).min(1).default(["champion", "exec_sponsor"]),
  /** Departures older than this are no longer followed up. @default 365 */
  lookbackDays: days2.default(365),
  /** Mail domains that say nothing about employment (a champion's email on one is not a move). @default common free-mail domains */
  freeMailDomains: z5.array(z5.string()).default(["gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "proton.me"])
}).strict();

// ../src/scoring/settings/scores.ts
import { z as z6 } from "zod";
var score2 = z6.number().min(1).max(10);
var weight = z6.number().min(0).max(1);
var BandSchema = z6.object({ min: z6.number().nonnegative(), low: score2, high: score2 }).strict();
var ascending = (bands) => bands.every((b, i) => i === 0 || b.min > bands[i - 1].min);
var bandsMessage = "bands must be listed by ascending min";
function perType(item, defaults) {
  const shape = Object.fromEntries(
    OPPORTUNITY_TYPES.map((t) => [t, item.default(defaults[t])])
  );
  return z6.object(shape).strict().prefault({});
}
var WeightsSchema = z6.object({
  /** @default 0.4 */
  revenue: weight.default(0.4),
  /** @default 0.3 */
  effort: weight.default(0.3),
  /** @default 0.3 */
  likelihood: weight.default(0.3)
}).strict().refine((w) => Math.abs(w.revenue + w.effort + w.likelihood - 1) < 1e-9, "weights must sum to 1");
var TierBoundsSchema = z6.object({
  /** @default 8 */
  tier1: z6.number().default(8),
  /** @default 6 */
  tier2: z6.number().default(6),
  /** @default 4 */
  tier3: z6.number().default(4),
  /** @default 2 */
  tier4: z6.number().default(2)
}).strict().refine(
  (t) => t.tier1 > t.tier2 && t.tier2 > t.tier3 && t.tier3 > t.tier4,
  "tier bounds must descend"
);
var RevenueSchema = z6.object({
  /** Share of the revenue score taken from the % of ARR; the rest from absolute dollars. @default 0.5 */
  relativeWeight: weight.default(0.5),
  /** % of current ARR bands (rubric table). @default 0:1–2, 5:3–4, 10:5–6, 25:7–8, 50:9–10 */
  relativeBands: z6.array(BandSchema).min(1).refine(ascending, bandsMessage).default([
    { min: 0, low: 1, high: 2 },
    { min: 5, low: 3, high: 4 },
    { min: 10, low: 5, high: 6 },
    { min: 25, low: 7, high: 8 },
    { min: 50, low: 9, high: 10 }
  ]),
  /** % of ARR at which the top band reaches its high score. @default 100 */
  relativeTop: z6.number().positive().default(100),
  /** Absolute incremental-ARR bands in catalog currency. @default 0:1–2, 5k:3–4, 10k:5–6, 25k:7–8, 50k:9–10 */
  absoluteBands: z6.array(BandSchema).min(1).refine(ascending, bandsMessage).default([
    { min: 0, low: 1, high: 2 },
    { min: 5e3, low: 3, high: 4 },
    { min: 1e4, low: 5, high: 6 },
    { min: 25e3, low: 7, high: 8 },
    { min: 5e4, low: 9, high: 10 }
  ]),
  /** Dollars at which the top absolute band reaches its high score. @default 100000 */
  absoluteTop: z6.number().positive().default(1e5)
}).strict();
var EffortSchema = z6.object({
  /** Effort score (10 = self-serve) of each type with a single stakeholder.
   * @default seat 8, tier 6, usage 9, add-on 6, new dept 5, new use case 4, displacement 3,
   * services 6, support 7, activation 8, conversion 7, stabilization 4, champion 5 */
  byType: perType(score2, {
    seat_expansion: 8,
    tier_upgrade: 6,
    usage_expansion: 9,
    add_on: 6,
    new_department: 5,
    new_use_case: 4,
    competitive_displacement: 3,
    professional_services: 6,
    support_upgrade: 7,
    activation: 8,
    conversion: 7,
    stabilization: 4,
    champion_followup: 5
  }),
  /** Stakeholders each type needs. @default 1 for seats/usage/support/activation/conversion, 2 tier/add-on/services/stabilization/champion, 3 new dept/use case/displacement */
  stakeholdersByType: perType(z6.number().int().min(1), {
    seat_expansion: 1,
    tier_upgrade: 2,
    usage_expansion: 1,
    add_on: 2,
    new_department: 3,
    new_use_case: 3,
    competitive_displacement: 3,
    professional_services: 2,
    support_upgrade: 1,
    activation: 1,
    conversion: 1,
    stabilization: 2,
    champion_followup: 2
  }),
  /** Effort points lost per stakeholder beyond the first. @default 0.75 */
  perExtraStakeholder: z6.number().nonnegative().default(0.75),
  /** Incremental ARR from which procurement joins as a stakeholder. @default 50000 */
  procurementArr: z6.number().nonnegative().default(5e4)
}).strict();
var LikelihoodSchema = z6.object({
  /** Starting likelihood by health light. @default green 6.5, yellow 5, red 3 */
  healthBase: z6.object({ green: score2.default(6.5), yellow: score2.default(5), red: score2.default(3) }).strict().prefault({}),
  /** Points from engagement (0..1 mapped to ±weight). @default 1.5 */
  engagementWeight: z6.number().nonnegative().default(1.5),
  /** Points from evidence strength (0..1 mapped to ±weight). @default 2 */
  evidenceWeight: z6.number().nonnegative().default(2),
  /** Points lost at zero data confidence (scaled by the missing share). @default 3 */
  confidencePenalty: z6.number().nonnegative().default(3),
  /** A contact engaged within this many days counts as engaged. @default 90 */
  engagedWithinDays: z6.number().int().positive().default(90),
  /** Engaged contacts for full engagement. @default 3 */
  engagedContactsForFull: z6.number().int().positive().default(3)
}).strict();

// ../src/scoring/settings/index.ts
var ScoringSettingsSchema = z7.object({
  /** Composite weights (revenue, effort, likelihood); must sum to 1. */
  weights: WeightsSchema.prefault({}),
  /** Lowest composite of each tier. */
  tiers: TierBoundsSchema.prefault({}),
  revenue: RevenueSchema.prefault({}),
  effort: EffortSchema.prefault({}),
  likelihood: LikelihoodSchema.prefault({}),
  health: HealthSchema.prefault({}),
  timing: TimingSchema.prefault({}),
  confidence: ConfidenceSchema.prefault({}),
  usage: UsageSchema.prefault({}),
  graduation: GraduationSchema.prefault({}),
  powerUsers: PowerUsersSchema.prefault({}),
  modules: ModulesSchema.prefault({}),
  whitespace: WhitespaceSchema.prefault({}),
  services: ServicesSchema.prefault({}),
  benchmarks: BenchmarksSchema.prefault({}),
  activation: ActivationSchema.prefault({}),
  champion: ChampionSchema.prefault({})
}).strict();
var DEFAULT_SETTINGS = ScoringSettingsSchema.parse({});

// scoring.bench.ts
import { join } from "node:path";
var ACCOUNTS = 1e5;
var AS_OF = "2026-03-02";
var WEEKS = 12;
function rng(seed) {
  return () => {
    seed = seed + 1831565813 | 0;
    let t = Math.imul(seed ^ seed >>> 15, 1 | seed);
    t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
var PLANS = ["starter", "professional", "enterprise"];
var DETAILS = [
  ["workaround", "weekly exports to spreadsheets"],
  ["initiative", "SOC 2 program"],
  ["competitor", "Tableau in finance"],
  ["hiring", "Hiring 20 engineers"],
  ["funding", "Series C"],
  ["leadership_hire", "New CIO"],
  ["new_office", "Opening Berlin"]
];
var DEPTS = ["Engineering", "Marketing", "Sales", "Finance", "Support"];
var DATES = Array.from({ length: WEEKS }, (_, i) => addDays(AS_OF, -7 * (WEEKS - 1 - i)));
function generatePortfolio(n, catalog2, seed = 42) {
  const r2 = rng(seed);
  const pick2 = (xs) => xs[Math.floor(r2() * xs.length)];
  const p2 = {
    accounts: [],
    contacts: [],
    deals: [],
    usage: [],
    departments: [],
    signals: []
  };
  for (let i = 0; i < n; i++) {
    const id = `bench:A${i}`;
    const licensed = 5 + Math.floor(r2() * 300);
    const active = Math.min(licensed + 5, Math.floor(licensed * (0.3 + r2() * 0.75)));
    const employees = licensed * (1 + Math.floor(r2() * 4));
    const plan = pick2(PLANS);
    const adoption = 0.3 + r2() * 0.7;
    const features = catalog2.tiers.find((t) => t.key === plan)?.features ?? [];
    const account = {
      id,
      source: "bench",
      crmId: `A${i}`,
      name: `Account ${i}`,
      industry: pick2(["SaaS", "Retail", "Finance"]),
      lifecycle: r2() < 0.05 ? "trial" : "customer",
      plan,
      products: r2() < 0.3 ? ["insight_studio"] : [],
      arr: licensed * 540,
      currency: "USD",
      seats: { licensed, active },
      employees,
      employeesPrior: { count: Math.round(employees / (0.9 + r2() * 0.5)), asOf: "2025-03-01" },
      contract: {
        start: "2024-01-15",
        renewal: addDays(AS_OF, Math.floor(r2() * 400) - 30),
        termMonths: 12
      },
      health: {
        score: Math.floor(30 + r2() * 70),
        tickets90d: Math.floor(r2() * 30),
        ticketThemes: r2() < 0.2 ? ["webhooks failing"] : []
      },
      featuresUsed: features.filter(() => r2() < adoption),
      customFields: {}
    };
    p2.accounts.push(account);
    const start = active * (0.7 + r2() * 0.4);
    for (let w = 0; w < WEEKS; w++) {
      const value = Math.round(start + (active - start) * w / (WEEKS - 1));
      p2.usage.push({
        accountId: id,
        date: DATES[w],
        metric: "active_seats",
        value,
        limit: licensed
      });
    }
    if (i % 3 === 0) {
      const base2 = 2e5 + r2() * 9e5;
      for (let w = 0; w < WEEKS; w += 3)
        p2.usage.push({
          accountId: id,
          date: DATES[w],
          metric: "api_calls",
          value: Math.round(base2 * (1 + w * 0.03))
        });
    }
    for (let c = 0; c < 3; c++) {
      p2.contacts.push({
        id: `${id}:c${c}`,
        accountId: id,
        name: `Person ${c}`,
        title: "Manager",
        department: pick2(DEPTS),
        roles: c === 0 ? ["champion"] : c === 1 ? ["economic_buyer"] : [],
        status: r2() < 0.03 ? "left" : "active",
        lastEngagedAt: addDays(AS_OF, -Math.floor(r2() * 120))
      });
    }
    for (const name of DEPTS.slice(0, 2)) {
      p2.departments.push({
        accountId: id,
        name,
        headcount: 10 + Math.floor(r2() * 60),
        usesProduct: name === "Engineering"
      });
    }
    if (r2() < 0.5) {
      const [kind, detail] = pick2(DETAILS);
      p2.signals.push({
        accountId: id,
        date: addDays(AS_OF, -Math.floor(r2() * 150)),
        kind,
        detail
      });
    }
  }
  return p2;
}
var bench = {
  name: "scoring",
  description: `scorePortfolio on ${ACCOUNTS.toLocaleString("en-US")} generated accounts; target \u2265 20,000 accounts/s, peak RSS < 1.5 GB`,
  async run() {
    const catalog2 = loadYamlFile(
      CatalogSchema,
      join(import.meta.dirname, "../config/catalog.yaml")
    );
    const t0 = performance.now();
    const portfolio = generatePortfolio(ACCOUNTS, catalog2);
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = scorePortfolio({ portfolio, catalog: catalog2, settings: DEFAULT_SETTINGS, asOf: AS_OF });
    const seconds = (performance.now() - t1) / 1e3;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const accountsPerSecond = Math.round(ACCOUNTS / seconds);
    return {
      accounts: ACCOUNTS,
      usagePoints: portfolio.usage.length,
      opportunities: result.opportunities.length,
      generateSeconds: Math.round(t1 - t0) / 1e3,
      seconds: Math.round(seconds * 1e3) / 1e3,
      accountsPerSecond,
      cpuSeconds: Math.round(cpuSeconds * 1e3) / 1e3,
      accountsPerCpuSecond: Math.round(ACCOUNTS / cpuSeconds),
      peakRssMb,
      meetsTarget: accountsPerSecond >= 2e4 && peakRssMb < 1536
    };
  }
};

// .p3.tmp.ts
var catalog = loadYamlFile(CatalogSchema, join2(import.meta.dirname, "../config/catalog.yaml"));
var p = generatePortfolio(5e4, catalog);
var c0 = process.cpuUsage();
var r = scorePortfolio({ portfolio: p, catalog, settings: DEFAULT_SETTINGS, asOf: "2026-03-02" });
var d = process.cpuUsage(c0);
console.log("cpu", (d.user + d.system) / 1e6, r.opportunities.length);
