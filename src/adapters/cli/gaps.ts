import { parseArgs } from 'node:util';
import type { Env } from '../../config/env.js';
import { DEFAULT_SIMILARITY, formatGapGroups, groupGaps } from '../../briefing/gaps.js';
import { BriefingRepository } from '../../briefing/repository.js';
import { openStores } from '../storage/index.js';

const USAGE = `usage: npm run gaps -- [--json] [--similarity 0.8]
  The questions the knowledge base could not answer (briefings, /ask, mentions), grouped by
  similarity (edit distance on the normalised text; 0.8 by default), most asked first. Reads the
  store in STORE_PATH, or Redis with REDIS_URL.`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseOptions(): { json: boolean; threshold: number } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        similarity: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const threshold = values.similarity === undefined ? DEFAULT_SIMILARITY : Number(values.similarity);
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1)
    fail('--similarity must be a number in (0, 1], e.g. 0.8');
  return { json: values.json, threshold };
}

/** `npm run gaps`: the gap log, grouped by similarity, as text or JSON. */
export async function runGaps(env: Env): Promise<void> {
  const { json, threshold } = parseOptions();
  const stores = await openStores({ storePath: env.STORE_PATH, redisUrl: env.REDIS_URL });
  try {
    const groups = groupGaps(await new BriefingRepository(stores).listGaps(), threshold);
    process.stdout.write(`${json ? JSON.stringify(groups, null, 2) : formatGapGroups(groups)}\n`);
  } finally {
    await stores.close();
  }
}
