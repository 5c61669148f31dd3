/** Runs one bench file in this process and prints its figures as JSON on the last line. */
import { pathToFileURL } from 'node:url';
import type { Bench } from './types.js';

const file = process.argv[2];
if (!file) throw new Error('usage: run-one.ts <file.bench.ts>');
const bench = (await import(pathToFileURL(file).href)).default as Bench;
const figures = await bench.run();
process.stdout.write(
  `\n${JSON.stringify({ name: bench.name, description: bench.description, figures })}\n`,
);
