/**
 * The JSON array files of the output contract (`opportunities.json`, `accounts.json`) written
 * account by account: each account's elements are one part, and the file is `[`, the non-empty
 * parts joined by `,`, `]`, with the same text `JSON.stringify(items, null, 2)` gives. The byte
 * length of each part is returned, so a later run that changed some accounts only can write the
 * new file from the old one: the parts of the accounts that did not change are copied as they
 * are (`{ from }`), the others written anew (`{ text }`).
 */
import { link, mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/** An account's part: its elements' text, or where it lies in the file being replaced. */
export type Part = { text: string } | { from: number; length: number };

/** One element as `JSON.stringify(items, null, 2)` writes it inside the array. */
export const elementText = (item: unknown): string => JSON.stringify([item], null, 2).slice(2, -2);

/** The part of an account's elements (empty when it has none). */
export function partOf(items: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < items.length; i++) out += (i ? ',\n' : '') + elementText(items[i]);
  return out;
}

/** Where each part of an old file lies, from the parts' lengths in file order. */
export function offsetsOf(lengths: readonly number[]): number[] {
  const out: number[] = [];
  let at = 2; // `[\n`
  for (const n of lengths) {
    out.push(at);
    if (n > 0) at += n + 2; // `,\n` (or `\n]` after the last)
  }
  return out;
}

const PIECE = 1 << 20;
/** Bytes copied from the old file a read. */
const COPY = 16 * PIECE;

/** Every byte of `buf[0, length)`: a write may take fewer bytes than it was given. */
async function writeAll(out: FileHandle, buf: Buffer, length = buf.length): Promise<number> {
  for (let at = 0; at < length;) at += (await out.write(buf, at, length - at)).bytesWritten;
  return length;
}

const OPEN = Buffer.from('[\n');
const SEP = Buffer.from(',\n');

/**
 * Write `file` from `parts` in order (through a temporary name, renamed at the end) and return
 * each part's byte length. Parts `{ from }` are read from `old`; consecutive ones that were
 * consecutive there are copied in one read. A text part is encoded once: its bytes give its
 * length and are what is written (about 1 MB a write).
 *
 * The text and the copied bytes go through two buffers made once, not a new one each write: on
 * a virtual machine every new page of memory is a fault the host serves, and a file of a gigabyte
 * would otherwise be that many bytes of new pages.
 *
 * With `spare`, the file this one replaces is kept under that name (a hard link: no copy), and
 * the next write goes over it instead of into a new file, as Postgres recycles its WAL segments.
 * Writing over pages the system still caches costs a tenth of filling new ones (1.1 GB on these
 * VMs: 0.22 s against 2.0 s), and no gigabyte is freed when the old file goes. The spare must be
 * on the file's file system; where it cannot be (another device), the file is written anew.
 */
export async function writeParts(
  file: string,
  parts: Iterable<Part>,
  old?: string,
  spare?: string,
): Promise<number[]> {
  await mkdir(dirname(file), { recursive: true });
  const over = spare !== undefined && (await usableSpare(spare, file, old));
  const tmp = over ? spare : `${file}.${process.pid}.tmp`;
  const out = await open(tmp, over ? 'r+' : 'w');
  const source = old === undefined ? undefined : await open(old, 'r');
  const lengths: number[] = [];
  // What is waiting to be written: `size` bytes of `text`; a part larger than the room left is
  // written on its own.
  const text = Buffer.allocUnsafeSlow(PIECE);
  let size = 0;
  let written = 0;
  let copyBuf: Buffer | undefined;
  let copy: { from: number; to: number } | undefined;
  let any = false;
  const flushText = async () => {
    if (size > 0) written += await writeAll(out, text, size);
    size = 0;
  };
  const add = async (b: Buffer) => {
    if (size + b.length > PIECE) await flushText();
    if (b.length > PIECE) written += await writeAll(out, b);
    else size += b.copy(text, size);
  };
  const flushCopy = async () => {
    if (!copy) return;
    const { from, to } = copy;
    copy = undefined;
    copyBuf ??= Buffer.allocUnsafeSlow(COPY);
    for (let at = from; at < to;) {
      const want = Math.min(COPY, to - at);
      const { bytesRead } = await source!.read(copyBuf, 0, want, at);
      if (bytesRead === 0) throw new Error(`${old} ended at byte ${at} (expected ${to})`);
      written += await writeAll(out, copyBuf, bytesRead);
      at += bytesRead;
    }
  };
  try {
    for (const part of parts) {
      if ('text' in part) {
        const bytes = Buffer.from(part.text);
        lengths.push(bytes.length);
        if (bytes.length === 0) continue;
        await flushCopy();
        await add(any ? SEP : OPEN);
        await add(bytes);
        any = true;
      } else {
        lengths.push(part.length);
        if (part.length === 0) continue;
        if (!source) throw new Error('a part to copy without the file to copy it from');
        // The separator before it comes with it when the part before it was its neighbour.
        if (copy && copy.to + 2 === part.from) copy.to = part.from + part.length;
        else {
          await flushCopy();
          await add(any ? SEP : OPEN);
          await flushText();
          copy = { from: part.from, to: part.from + part.length };
        }
        any = true;
      }
    }
    await flushCopy();
    await add(Buffer.from(any ? '\n]\n' : '[]\n'));
    await flushText();
    // Written over a spare: what it held past this file's end goes.
    if (over) await out.truncate(written);
    await out.close();
    await replace(tmp, file, spare);
    return lengths;
  } catch (err) {
    await out.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  } finally {
    await source?.close();
  }
}

/** Whether `spare` can be written over: it is there, and it is neither `file` nor `old` (a
 * run stopped between keeping a file and replacing it leaves the two linked). */
async function usableSpare(spare: string, file: string, old?: string): Promise<boolean> {
  const ino = async (f: string) => (await stat(f).catch(() => undefined))?.ino;
  const mine = await ino(spare);
  if (mine === undefined) return false;
  if (mine === (await ino(file)) || (old !== undefined && mine === (await ino(old)))) {
    await rm(spare, { force: true });
    return false;
  }
  return true;
}

/** Put `written` in place of `file`, keeping the file it replaces as `spare` when asked. */
async function replace(written: string, file: string, spare?: string): Promise<void> {
  if (spare === undefined) return rename(written, file);
  const next = `${spare}.next`;
  await mkdir(dirname(spare), { recursive: true });
  await rm(next, { force: true });
  const kept = await link(file, next).then(
    () => true,
    // No file yet, or the spare's folder is on another device: nothing to keep.
    () => false,
  );
  await rename(written, file);
  if (kept) await rename(next, spare);
}
