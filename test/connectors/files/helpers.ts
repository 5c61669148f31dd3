/** Shared helpers for the files connector tests. */
import { fileURLToPath } from 'node:url';
import { createFilesConnector } from '../../../connectors/files/index.js';
import type { Connector, RawPage, RawRecord } from '../../../connectors/types.js';

export const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/files/${name}`, import.meta.url));

export async function connect(
  source: string,
  options: Record<string, unknown> = {},
): Promise<Connector> {
  return createFilesConnector({ connection: 'files', options: { source, ...options } });
}

/** Every page of one object's pull. */
export async function pages(conn: Connector, object: string): Promise<RawPage[]> {
  const out: RawPage[] = [];
  for await (const page of conn.pull({ object, fields: [] })) out.push(page);
  return out;
}

export async function records(conn: Connector, object: string): Promise<RawRecord[]> {
  return (await pages(conn, object)).flatMap((p) => p.records);
}
