import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { AnswerPath } from '../../answering/answerPath.js';
import { createEngine } from '../../core/engine.js';
import { MessageBook } from '../../core/messages.js';
import { detectLanguage } from '../../core/text.js';
import { toJsonAnswer, type Language } from '../../core/types.js';
import { loadKnowledge } from '../../knowledge/load.js';
import type { Env } from '../../config/env.js';
import { openPhrasing } from '../openPhrasing.js';
import { todayInKorea } from '../../shared/koreaClock.js';
import { renderAnswer } from './render.js';

const USAGE = `usage: npm run ask -- [--json] [--as-of YYYY-MM-DD] [--lang ko|en] ["question"]
  With a question, answers it once. Without one, reads one question per line from standard input
  and answers each in order (with --json, one JSON object per line).`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        'as-of': { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const asOf = values['as-of'];
  if (asOf !== undefined) {
    const date = new Date(`${asOf}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(asOf) ||
      Number.isNaN(date.getTime()) ||
      date.toISOString().slice(0, 10) !== asOf
    ) {
      fail(`--as-of must be a real date written YYYY-MM-DD (got "${asOf}")`);
    }
  }
  const lang = values.lang;
  const isLanguage = (v: string): v is Language => v === 'ko' || v === 'en';
  if (lang !== undefined && !isLanguage(lang)) fail(`--lang must be ko or en (got "${lang}")`);
  return {
    json: values.json,
    today: asOf ?? todayInKorea(),
    language: lang,
    question: positionals.length > 0 ? positionals.join(' ') : null,
  };
}

/** `npm run ask`: one answer, or one per input line (JSON lines with --json, nothing else on stdout). */
export async function runAsk(env: Env): Promise<void> {
  const options = parseOptions();
  const engine = createEngine(loadKnowledge(env.KNOWLEDGE_DIR));
  // With OPENAI_API_KEY set, answers are reworded under the fact lock and JSON gains "phrasing".
  const phrasing = await openPhrasing(env, engine.kb);
  const path = new AnswerPath(engine, { phrase: phrasing?.phrase });
  const book = new MessageBook(engine.kb.messages);
  const answerOne = async (text: string): Promise<string> => {
    const language = options.language ?? detectLanguage(text);
    const reply = await path.ask(
      { kind: 'question', text, language: options.language },
      language,
      options.today,
    );
    if (!options.json) return renderAnswer(reply, book);
    const json = toJsonAnswer(reply.answer);
    return JSON.stringify(
      reply.phrasing === null ? json : { ...json, text: reply.text, phrasing: reply.phrasing },
    );
  };

  try {
    if (options.question !== null) {
      console.log(await answerOne(options.question));
      return;
    }
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    let first = true;
    for await (const line of lines) {
      const out = await answerOne(line);
      process.stdout.write(options.json || first ? `${out}\n` : `\n${out}\n`);
      first = false;
    }
  } finally {
    await phrasing?.close();
  }
}
