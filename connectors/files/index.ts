/**
 * The files connector: a folder of CSV / TSV / JSON exports, or one XLSX workbook with a sheet per
 * file, in the format of DESIGN.md "Files format". Read-only. `pull({ object: 'accounts' })` yields
 * pages of raw records keyed by the header, each with its spreadsheet row, so every issue can say
 * "accounts.csv row 14, column arr".
 *
 * Options (`ctx.options`): `source` (the folder, required), `pageSize` (records per page,
 * @default 5000).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, SourceError } from '../../src/errors.js';
import type {
  Connector,
  ConnectorFactory,
  FieldInfo,
  KnownRows,
  PullRequest,
  RawPage,
} from '../types.js';
import { fileFingerprint } from './fingerprint.js';
import { listFolder, locate, type LocatedSource } from './locate.js';
import { delimitedHeader, readDelimited } from './read-delimited.js';
import { jsonHeader, readJson } from './read-json.js';
import { DEFAULT_PAGE_SIZE, idColumns, paginate, type SheetItem } from './rows.js';

export { loadFolderCatalog } from './catalog.js';

const OptionsSchema = z.object({
  source: z.string().min(1, 'the folder to read'),
  pageSize: z.coerce.number().int().positive().default(DEFAULT_PAGE_SIZE),
});

/** Whether a delimited file's rows carry their own ids (`idColumns`): only such rows are told
 * by their bytes, since an id made of a row's position moves with the lines above it. */
function ownIds(src: LocatedSource, object: string): boolean {
  if (src.format !== 'csv' && src.format !== 'tsv') return false;
  try {
    const header = delimitedHeader(src.file, src.format);
    return idColumns(object).some((c) => header.includes(c));
  } catch {
    // The read says what is wrong with the header.
    return false;
  }
}

/** What a pull is told of rows whose ids are their position (`ownIds`), or by a caller that
 * tells nothing: no row. The tap still splits their rows, which costs less than csv-parse
 * reading them (`row-tap.ts`), and gives every row the same digest whoever pulls it. */
const NO_ROWS: KnownRows = { rowOf: () => undefined };

/** The one file a folder must hold. */
const REQUIRED = 'accounts';

function rowsOf(
  src: LocatedSource,
  onMissing: () => void,
  known: KnownRows | undefined,
): AsyncIterable<SheetItem> {
  switch (src.format) {
    case 'csv':
    case 'tsv':
      return readDelimited(src.file, src.format, known);
    case 'json':
      return readJson(src.file);
    case 'xlsx':
      return xlsxRows(src.file, src.sheet!, onMissing);
  }
}

/** The workbook reader, loaded on the first workbook read: exceljs takes a quarter of a second
 * to load here, which a folder of CSV or JSON exports (and the pull worker reading one) never
 * needs to spend. */
const xlsx = () => import('./read-xlsx.js');

async function* xlsxRows(
  file: string,
  sheet: string,
  onMissing: () => void,
): AsyncGenerator<SheetItem> {
  const { readXlsx } = await xlsx();
  yield* readXlsx(file, sheet, { onMissing });
}

async function headerOf(src: LocatedSource): Promise<string[] | undefined> {
  switch (src.format) {
    case 'csv':
    case 'tsv':
      return delimitedHeader(src.file, src.format);
    case 'json':
      return jsonHeader(src.file);
    case 'xlsx':
      return (await xlsx()).xlsxHeader(src.file, src.sheet!);
  }
}

/**
 * About how many records a source holds: the work of pulling it is mostly per record (mapping,
 * hashing), whatever its width. A CSV/TSV's lines are counted in its first 64 KiB and scaled to
 * its size; JSON and workbooks are taken at 200 bytes a record (a workbook's sheets share it).
 */
export function estimateRows(src: LocatedSource): number {
  const size = statSync(src.file).size;
  if (src.format === 'xlsx') return size / 200 / 6;
  if (src.format === 'json') return size / 200;
  const fd = openSync(src.file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(size, 65_536));
    const read = readSync(fd, buf, 0, buf.length, 0);
    let lines = 0;
    for (let i = buf.indexOf(10); i >= 0 && i < read; i = buf.indexOf(10, i + 1)) lines++;
    return read ? Math.round((Math.max(lines, 1) * size) / read) : 0;
  } finally {
    closeSync(fd);
  }
}

export const createFilesConnector: ConnectorFactory = (ctx) => {
  const parsed = OptionsSchema.safeParse(ctx.options);
  if (!parsed.success) {
    throw new ConfigError(
      `connection "${ctx.connection}" (files)`,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const { source: dir, pageSize } = parsed.data;
  listFolder(dir); // a folder that is not there fails at start, not at the first pull
  const missing = (object: string) => {
    if (object.toLowerCase() === REQUIRED) {
      throw new SourceError(
        dir,
        `no ${REQUIRED} file (expected accounts.csv, .tsv, .json or an "accounts" sheet)`,
      );
    }
  };

  const connector: Connector = {
    name: 'files',
    async *pull(request: PullRequest, known?: KnownRows): AsyncGenerator<RawPage> {
      const src = locate(dir, request.object);
      if (!src) return missing(request.object);
      yield* paginate(
        request.object,
        rowsOf(
          src,
          () => missing(request.object),
          known && ownIds(src, request.object) ? known : NO_ROWS,
        ),
        src.label,
        pageSize,
      );
    },
    /** The export's bytes: an unchanged file need not be parsed again. */
    async fingerprint(request: PullRequest): Promise<string | undefined> {
      const src = locate(dir, request.object);
      return src ? fileFingerprint(src) : undefined;
    },
    /** Header columns as fields (all text: typing is the mapping's job). Empty when the file is absent. */
    async describe(object: string): Promise<FieldInfo[]> {
      const src = locate(dir, object);
      const header = src ? await headerOf(src) : undefined;
      if (!header) {
        missing(object);
        return [];
      }
      return header.map((name) => ({ name, label: name, type: 'string', writable: false }));
    },
    // Parsing and mapping an export is CPU work: a sync may do some files in a worker thread.
    worker: {
      module: import.meta.url,
      factory: 'createFilesConnector',
      ctx: { connection: ctx.connection, options: { source: dir, pageSize } },
      weight: (object) => {
        const src = locate(dir, object);
        return src ? estimateRows(src) : 0;
      },
    },
  };
  return connector;
};
