import { runConsole } from '../adapters/cli/console.js';
import { openPhrasing } from '../adapters/openPhrasing.js';
import { AnswerPath } from '../answering/answerPath.js';
import { createEngine } from '../core/engine.js';
import { loadKnowledge } from '../knowledge/load.js';
import type { BootContext } from './boot.js';

/** Without a Discord token: the interactive console on stdin/stdout. */
export async function runConsoleApp({ env }: BootContext): Promise<void> {
  const engine = createEngine(loadKnowledge(env.KNOWLEDGE_DIR));
  const phrasing = await openPhrasing(env, engine.kb);
  await runConsole(new AnswerPath(engine, { phrase: phrasing?.phrase }), {
    input: process.stdin,
    output: process.stdout,
  });
  await phrasing?.close();
}
