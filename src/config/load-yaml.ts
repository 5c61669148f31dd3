/**
 * Load a YAML (or JSON) file and validate it with a zod schema. Every problem is reported at once
 * with the file and the key path, so ops fix a file in one pass.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';

export function zodProblems(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message:
      i.code === 'unrecognized_keys'
        ? `unknown key(s) ${i.keys.map((k) => `"${k}"`).join(', ')}`
        : i.message,
  }));
}

/** Parse YAML text; syntax errors become a ConfigError naming the line. */
export function parseYamlText(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({
        path: e.linePos?.[0] ? `line ${e.linePos[0].line}` : '',
        message: e.message.split('\n')[0] ?? e.message,
      })),
    );
  }
  return doc.toJS();
}

export function parseWith<S extends z.ZodType>(schema: S, data: unknown, file: string): z.infer<S> {
  const res = schema.safeParse(data);
  if (!res.success) throw new ConfigError(file, zodProblems(res.error));
  return res.data;
}

/** A configuration file's text; an unreadable file is a ConfigError naming it. */
export function readConfigText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(
      file,
      [{ path: '', message: `cannot read the file (${(cause as Error).message})` }],
      { cause },
    );
  }
}

export function loadYamlFile<S extends z.ZodType>(schema: S, file: string): z.infer<S> {
  return parseWith(schema, parseYamlText(readConfigText(file), file), file);
}
