import { runConsole } from '../adapters/cli/console.js';
import { openPhrasing } from '../adapters/openPhrasing.js';
import { createEngine } from '../core/engine.js';
import { loadKnowledge } from '../knowledge/load.js';
import type { BootContext } from './boot.js';

/** Without a Discord token: the interactive console on stdin/stdout. */
export async function runConsoleApp({ env }: BootContext): Promise<void> {
  const engine = createEngine(loadKnowledge(env.KNOWLEDGE_DIR));
  const phrasing = await openPhrasing(env, engine.kb);
  await runConsole(engine, {
    input: process.stdin,
    output: process.stdout,
    ...(phrasing !== null
      ? {
          answer: async (question) => {
            const answer = engine.answer(question);
            return { answer, phrased: await phrasing.phrase(answer, question.text) };
          },
        }
      : {}),
  });
  await phrasing?.close();
}
