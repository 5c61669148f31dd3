/**
 * A digest of an export's bytes, so a run can tell an unchanged file without parsing it. A
 * workbook's sheets share its digest (one changed sheet makes every object of the workbook read
 * again), and the sheet asked for is part of it. SHA-1 is for telling files apart, not for
 * security; it reads a 100 MB export in about a tenth of a second.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { LocatedSource } from './locate.js';

export async function fileFingerprint(src: LocatedSource): Promise<string> {
  const h = createHash('sha1');
  h.update(`${src.format}\n${src.label}\n`);
  for await (const chunk of createReadStream(src.file, { highWaterMark: 1 << 20 }))
    h.update(chunk as Buffer);
  return h.digest('hex');
}
