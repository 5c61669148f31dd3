/** The `headroom` command line (see src/cli/program.ts). */
import { main } from './cli/program.js';

await main();
