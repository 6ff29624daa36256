import { runGaps } from '../adapters/cli/gaps.js';
import { boot } from '../app/boot.js';

await boot(({ env }) => runGaps(env));
