/**
 * The connector contract. A connector is a thin I/O adapter: it knows one CRM's API (auth,
 * paging, batching, limits, retries) and moves raw records. It knows nothing of scoring or of the
 * neutral model: mapping raw records into neutral ones is `src/mapping`'s job.
 *
 * Shape after Kysely's `Dialect` and unstorage's `Driver`: a few documented methods, the optional
 * ones flagged. `connectors/index.ts` maps connector names to factories.
 */

/** One record as the CRM (or file) holds it. */
export interface RawRecord {
  /** The CRM id (Salesforce 18-char Id, HubSpot object id, the file's id column). */
  id: string;
  /** Field name -> value, as the API returned it. Nested relationship objects are allowed
   * (Salesforce `Owner: { Name }`); the mapping engine reads dot paths into them. */
  fields: Record<string, unknown>;
  /** Associated record ids per object type (HubSpot `companies: ['123']`). */
  associations?: Record<string, string[]>;
  /** Spreadsheet row for file sources (header = 1, first data row = 2). */
  row?: number;
  /** Last modification time (ISO-8601) where the CRM reports one. */
  modifiedAt?: string;
  /** The digest of the row's cells as its bytes give them, however quoted, where the connector
   * makes one (delimited files): a later pull given it (`KnownRows`) may hand the row on unread. */
  bytesHash?: string;
  /** The row was not parsed (`fields` is empty): its cells are those the last pull read as
   * record `id` (`KnownRows`). Its fields, when they are needed after all. */
  unread?: () => Record<string, unknown>;
  /** The row's digest (`src/sync/unchanged-rows.ts`) where it was known without parsing it. */
  rowHash?: string;
  /** The digest of the row's cells, with its file's format and header, where the reader made
   * one (the `bytesHash` of a delimited file's row), whatever the record's id: the row's digest
   * is made from it rather than from its fields (the same cells under the same header are the
   * same fields). */
  cellsHash?: string;
}

/**
 * What the last pull of an object read, by the digest of each row's cells (`bytesHash`): the
 * record id and the row's digest (`src/sync/row-bytes.ts`). A connector that tells rows so may
 * hand such a row on `unread`; the pull maps it after all unless the mirror holds it as read.
 */
export interface KnownRows {
  rowOf(bytesHash: string): { id: string; rowHash: string } | undefined;
}

/** What to pull: one CRM object, the fields a mapping names, an optional filter. */
export interface PullRequest {
  /** The CRM object / file / HubSpot object type (`Account`, `companies`, `accounts`). */
  object: string;
  /** Source fields the mapping reads; a connector selects only these (plus what it needs). */
  fields: string[];
  /** Object types whose association ids to return with each record (HubSpot). */
  associations?: string[];
  /** Connector-specific filter from the mapping's `where` (a SOQL condition for Salesforce). */
  where?: string;
  /** Incremental pull: only records modified at or after this watermark (connector-defined). */
  since?: string;
}

/** A problem met reading the source outside any one record's values: a line that cannot be
 * parsed, binary data. The line is skipped; the rest of the source is kept. */
export interface SourceIssue {
  /** Spreadsheet row for file sources (header = 1), where the skipped line starts. */
  row?: number;
  /** What went wrong, naming the line(s): `line 14: Invalid Closing Quote ...`. */
  reason: string;
  /** The raw text, cut to about 200 characters. */
  raw?: string;
}

/** One page of a pull. */
export interface RawPage {
  records: RawRecord[];
  /** Lines of the source that could not be read (files): reported, skipped. */
  issues?: SourceIssue[];
  /** Ids known to be deleted/archived since the watermark (incremental pulls). */
  deleted?: string[];
  /** The watermark to store once every page of this pull has been processed. */
  watermark?: string;
  /** For file sources: the file the page came from (`accounts.csv`). */
  source?: string;
}

/** A field as the CRM describes it (field discovery, mapping validation). */
export interface FieldInfo {
  name: string;
  label: string;
  type: string;
  /** Picklist / enumeration values. */
  options?: string[];
  /** Can Headroom write it (createable/updateable). */
  writable?: boolean;
  /** Is it an external id / unique-value property usable as an upsert key. */
  unique?: boolean;
}

/** One record to write. `key` identifies it across runs (the Headroom opportunity id, or the
 * account's CRM id for account-field updates). */
export interface WriteRecord {
  key: string;
  fields: Record<string, unknown>;
  /** Records to associate the written record with: object type -> CRM ids (HubSpot). */
  associations?: Record<string, string[]>;
}

export type WriteMode =
  /** Upsert by an external-id / unique property named `keyField`. */
  | 'upsert'
  /** Update existing records whose CRM id is `key`. */
  | 'update'
  /** Create new records (tasks). The caller guarantees it never creates the same key twice: a
   * create whose answer was lost comes back with error code `UNCONFIRMED`, and is looked up
   * (`find`) before it is sent again. */
  | 'create';

export interface WriteBatch {
  /** CRM object (`Expansion_Opportunity__c`, `Account`, `Task`, `deals`, `companies`, `tasks`). */
  object: string;
  mode: WriteMode;
  /** For `upsert`: the external-id field the CRM matches on (`Headroom_Key__c`, `headroom_key`).
   * For `create`: the field that carries the key, so an unconfirmed create can be found. */
  keyField?: string;
  records: WriteRecord[];
}

export interface WriteOutcome {
  key: string;
  ok: boolean;
  /** The CRM id of the written record. */
  crmId?: string;
  /** True when an upsert created the record rather than updating it. */
  created?: boolean;
  error?: { code: string; message: string };
}

/** API consumption, for run records and limit checks. */
export interface ApiUsage {
  /** HTTP calls made by this connector instance. */
  calls: number;
  /** What the CRM reported, where it does (Salesforce `Sforce-Limit-Info: api-usage=25/15000`). */
  used?: number;
  limit?: number;
}

export interface Connector {
  /** Registry name: `files`, `salesforce`, `hubspot`. */
  readonly name: string;
  /** Pages of raw records. Connectors page internally and must never stop silently early.
   * `known`: what the last pull read, by each row's bytes; a connector that can tell rows that
   * way may hand such a row on unread. */
  pull(request: PullRequest, known?: KnownRows): AsyncIterable<RawPage>;
  /** Optional: fields of one object (field discovery; mapping validation). */
  describe?(object: string): Promise<FieldInfo[]>;
  /** Optional: write a batch. Connectors split it into API-sized calls, retry what is safe to
   * retry, and report per-record outcomes; one bad record never fails the others. Absent on
   * read-only connectors. */
  write?(batch: WriteBatch): Promise<WriteOutcome[]>;
  /** Optional: records of `object` whose `keyField` (a field Headroom owns and fills with the
   * record key: `headroom_key`, `Headroom_Key__c`) is one of `keys`, as key -> CRM id. Confirms
   * a create whose answer was lost before it is sent again. */
  find?(object: string, keyField: string, keys: string[]): Promise<Map<string, string>>;
  /** Optional: install what write-back needs in the CRM (custom object and fields, properties,
   * pipeline), idempotently. Returns one line per thing created, found or to be done by hand. */
  setup?(options?: { dryRun?: boolean }): Promise<string[]>;
  /** Optional: API usage so far. */
  usage?(): ApiUsage;
  /** Optional: a digest of everything `pull(request)` would return, worked out without parsing
   * it (files: the bytes of the export). Equal digests mean an equal pull, so a run can keep what
   * it mapped from the source last time instead of reading it again (`src/sync/unchanged-source.ts`).
   * Undefined when the source cannot tell (it is missing, or the connector cannot know). */
  fingerprint?(request: PullRequest): Promise<string | undefined>;
  /** Optional: release sockets, flush token caches. */
  close?(): Promise<void>;
  /** Optional: how to build this connector again in a worker thread, so a sync can pull and map
   * some objects on another core (`src/sync/pull-worker.ts`). Offered where pulling is CPU
   * work (files: parsing); `module` exports `factory`, and `ctx` must survive structured
   * cloning (no secrets store, no logger). `weight(object)` is how much work a pull of the
   * object is (about how many records it holds), so small sources stay on one thread. */
  readonly worker?: {
    module: string;
    factory: string;
    ctx: ConnectorContext;
    weight(object: string): number;
  };
}

/**
 * Where a connector keeps secrets that change at run time (OAuth refresh tokens). The store
 * implements it with AES-256-GCM encryption; tests hand in a Map-backed one.
 */
export interface SecretStore {
  get(connection: string, name: string): Promise<string | undefined>;
  set(connection: string, name: string, value: string): Promise<void>;
}

/** Everything a connector factory may receive. Connector-specific settings live in `options`. */
export interface ConnectorContext {
  /** Connection name (several connections may use one connector). */
  connection: string;
  /** Connector settings, usually from the environment (`SALESFORCE_*`, `HUBSPOT_*`) or the
   * connection config; the factory validates them with zod. */
  options: Record<string, unknown>;
  secrets?: SecretStore;
  /** Structured logger; connectors never log secrets. */
  log?: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
}

export type ConnectorFactory = (ctx: ConnectorContext) => Connector | Promise<Connector>;

/** A fault (network, auth, limits). Expected per-record problems are values, not errors. */
export class ConnectorError extends Error {
  override name = 'ConnectorError';
  constructor(
    readonly connector: string,
    readonly code: string,
    message: string,
    readonly options: { retryable?: boolean; cause?: unknown; status?: number } = {},
  ) {
    super(`${connector}: ${message}`, { cause: options.cause });
  }
  get retryable(): boolean {
    return this.options.retryable ?? false;
  }
}

/** The run must stop cleanly now and resume next time (daily API limit reached). */
export class LimitReachedError extends ConnectorError {
  override name = 'LimitReachedError';
}
