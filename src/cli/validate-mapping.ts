/** `headroom validate-mapping FILE`: check a mapping file without running anything. */
import type { Command } from 'commander';
import { loadMapping } from '../mapping/load.js';
import { EXIT, runCommand } from './context.js';

export function registerValidateMapping(program: Command): void {
  program
    .command('validate-mapping')
    .description(
      'check a mapping file: its shape, its keys and its neutral fields (exit 2 when invalid)',
    )
    .argument('<file>', 'the mapping YAML file')
    .action((file: string) =>
      runCommand(async () => {
        const mapping = loadMapping(file);
        const objects = Object.entries(mapping.objects).filter(([, v]) => v);
        process.stdout.write(
          `${file}: valid ${mapping.connector} mapping: ${objects
            .map(([k, v]) => `${k} <- ${v!.from} (${Object.keys(v!.fields).length} fields)`)
            .join(
              ', ',
            )}${mapping.writeBack ? `; write-back: ${Object.keys(mapping.writeBack).join(', ')}` : '; read-only'}\n`,
        );
        return EXIT.ok;
      }),
    );
}
