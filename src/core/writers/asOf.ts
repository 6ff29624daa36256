import type { KnowledgeBase } from '../../knowledge/parse.js';
import type { AnswerBuilder } from '../compose.js';
import { knowledgeAsOf } from '../projectTable.js';

/** "Knowledge as of": the editions known and the date of the newest dated source. */
export function writeKnowledgeAsOf(b: AnswerBuilder, kb: KnowledgeBase): void {
  const { editions, newestSource } = knowledgeAsOf(kb);
  b.blank();
  b.line(b.msg('knowledge.asOf', { editions: editions.join(', '), date: newestSource ?? b.msg('notFound') }));
  b.fact(...editions.map(String));
  if (newestSource !== null) b.fact(newestSource);
}
