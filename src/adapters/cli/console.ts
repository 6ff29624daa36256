import { createInterface } from 'node:readline';
import type { Engine } from '../../core/engine.js';
import type { Answer, Question } from '../../core/types.js';
import type { PhrasedText } from '../../llm/phrasing.js';
import { todayInKorea } from '../../shared/koreaClock.js';
import { renderAnswer } from './render.js';

const QUIT = new Set(['quit', 'exit', 'q', '종료', '끝', ':q']);

const BANNER = `egov-briefing-bot — 2021 전자정부지원사업·계약 제도 도우미 (console)
질문을 입력하세요. "도움말"/help, 종료는 "quit" 또는 Ctrl+D.
Ask in Korean or English. Type "help" for examples, "quit" to leave.`;

export interface ConsoleOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** Answers a question; lets main plug in LLM phrasing. Defaults to the engine's template answer. */
  readonly answer?: (question: Question) => Promise<{ answer: Answer; phrased?: PhrasedText }>;
}

/** The interactive console: a prompt, answers with their sources, help, and quit. */
export async function runConsole(engine: Engine, options: ConsoleOptions): Promise<void> {
  const answer =
    options.answer ??
    ((q: Question): Promise<{ answer: Answer; phrased?: PhrasedText }> =>
      Promise.resolve({ answer: engine.answer(q) }));
  const rl = createInterface({ input: options.input, output: options.output, terminal: false });
  const write = (text: string) => options.output.write(text);
  write(`${BANNER}\n\n> `);
  // After a "did you mean…" answer, typing a candidate's number asks its question.
  let offered: readonly string[] = [];
  for await (const line of rl) {
    const typed = line.trim();
    const picked = /^[1-9]$/.test(typed) ? offered[Number(typed) - 1] : undefined;
    const text = picked ?? typed;
    if (QUIT.has(text.toLowerCase())) break;
    if (text === '') {
      write('> ');
      continue;
    }
    try {
      const result = await answer({ text, today: todayInKorea() });
      offered =
        result.answer.status === 'clarify' ? result.answer.candidates.map((c) => c.question ?? c.label) : [];
      if (picked !== undefined) write(`(${picked})\n`);
      write(`${renderAnswer(result.answer, result.phrased)}\n\n> `);
    } catch (error) {
      // The console is its own error boundary: report and keep the session.
      write(
        `오류가 발생했습니다 / Something went wrong: ${error instanceof Error ? error.message : String(error)}\n\n> `,
      );
    }
  }
  write('\n안녕히 가세요 / Bye.\n');
  rl.close();
}
