import 'dotenv/config';
import { parseArgs } from 'node:util';
import { EnvError, loadEnv } from '../../config/env.js';
import { DEFAULT_SIMILARITY, formatGapGroups, groupGaps } from '../../briefing/gaps.js';
import { BriefingRepository } from '../../briefing/repository.js';
import { openStores } from '../storage.js';

// `npm run gaps [-- --json] [-- --similarity 0.8]`: the questions the knowledge base could not
// answer (briefings, /ask, mentions), grouped by similarity, most asked first.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, similarity: { type: 'string' } },
  });
  const threshold = values.similarity === undefined ? DEFAULT_SIMILARITY : Number(values.similarity);
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
    console.error('--similarity must be a number in (0, 1], e.g. 0.8');
    process.exit(2);
  }
  const env = loadEnv(process.env);
  const stores = await openStores({ storePath: env.STORE_PATH, redisUrl: env.REDIS_URL });
  try {
    const groups = groupGaps(await new BriefingRepository(stores).listGaps(), threshold);
    process.stdout.write(`${values.json ? JSON.stringify(groups, null, 2) : formatGapGroups(groups)}\n`);
  } finally {
    await stores.close();
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
