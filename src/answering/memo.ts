import type { Engine } from '../core/engine.js';
import type { Answer, Question } from '../core/types.js';

/** How many answers to free questions are remembered (a few hundred KB at most). */
export const REMEMBERED_ANSWERS = 500;

/** What the memo did since start: answers served from it, and questions read afresh. */
export interface MemoCounts {
  readonly hits: number;
  readonly misses: number;
}

export type RememberingEngine = Engine & { readonly memoCounts: () => MemoCounts };

/**
 * The engine, remembering its last answers to free questions. The engine is pure: the same text,
 * day and forced language always get the same answer, so a repeat is answered without being read
 * again. A live briefing asks the same few questions many times over; the least recently asked
 * answer is forgotten first.
 */
export function rememberAnswers(
  engine: Engine,
  size = REMEMBERED_ANSWERS,
  onLookup: (result: 'hit' | 'miss') => void = () => undefined,
): RememberingEngine {
  const kept = new Map<string, Answer>();
  let hits = 0;
  let misses = 0;
  return {
    ...engine,
    answer(question: Question): Answer {
      const key = `${question.today}\u0000${question.language ?? ''}\u0000${question.text}`;
      const found = kept.get(key);
      if (found !== undefined) {
        hits++;
        onLookup('hit');
        kept.delete(key);
        kept.set(key, found);
        return found;
      }
      misses++;
      onLookup('miss');
      const answer = engine.answer(question);
      kept.set(key, answer);
      if (kept.size > size) kept.delete(kept.keys().next().value!);
      return answer;
    },
    memoCounts: () => ({ hits, misses }),
  };
}
