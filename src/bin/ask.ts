import { runAsk } from '../adapters/cli/ask.js';
import { boot } from '../app/boot.js';

await boot(({ env }) => runAsk(env));
