import { createInterface } from 'node:readline';
import type { AnswerPath } from '../../answering/answerPath.js';
import { MessageBook } from '../../core/messages.js';
import { detectLanguage } from '../../core/text.js';
import { todayInKorea } from '../../shared/koreaClock.js';
import { renderAnswer } from './render.js';

const QUIT = new Set(['quit', 'exit', 'q', '종료', '끝', ':q']);

export interface ConsoleOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
}

/** The interactive console: a prompt, answers with their sources, help, and quit. */
export async function runConsole(path: AnswerPath, options: ConsoleOptions): Promise<void> {
  const book = new MessageBook(path.engine.kb.messages);
  const both = (key: string, values: Record<string, string> = {}) =>
    `${book.get(key, 'ko', values)}\n${book.get(key, 'en', values)}`;
  const rl = createInterface({ input: options.input, output: options.output, terminal: false });
  const write = (text: string) => options.output.write(text);
  const editions = path.engine.kb.editions.map((e) => e.year).join(', ');
  write(`${both('console.banner', { editions })}\n\n> `);
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
      const reply = await path.ask({ kind: 'question', text }, detectLanguage(text), todayInKorea());
      const { answer } = reply;
      offered = answer.status === 'clarify' ? answer.candidates.map((c) => c.question ?? c.label) : [];
      if (picked !== undefined) write(`(${picked})\n`);
      write(`${renderAnswer(reply, book)}\n\n> `);
    } catch (error) {
      // The console is its own error boundary: report and keep the session.
      const message = error instanceof Error ? error.message : String(error);
      write(`${book.get('console.error', detectLanguage(text), { message })}\n\n> `);
    }
  }
  write(`\n${book.get('console.bye', 'ko')} / ${book.get('console.bye', 'en')}\n`);
  rl.close();
}
