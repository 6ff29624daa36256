import type { Reply } from '../../answering/answerPath.js';
import type { MessageBook } from '../../core/messages.js';

/** A reply as the terminal shows it: the text, the console's own small print, then its sources. */
export function renderAnswer(reply: Reply, book: MessageBook): string {
  const { answer } = reply;
  const text =
    reply.phrasing === 'model'
      ? `${reply.text}\n${book.get('console.smallPrint.reworded', answer.language)}`
      : reply.text;
  if (answer.sources.length === 0) return text;
  const label = book.get('label.sources', answer.language);
  return `${text}\n\n${label}:\n${answer.sources.map((s) => `  - ${s.title}\n    ${s.url}`).join('\n')}`;
}
