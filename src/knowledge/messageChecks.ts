import type { KnowledgeBase } from './parse.js';
import type { KnowledgeProblem, Parsed, ParsedEdition } from './problems.js';

/** The required messages exist and both languages use the same placeholders. */
export function checkMessages(
  kb: KnowledgeBase,
  _data: Parsed,
  _editions: readonly ParsedEdition[],
  problems: KnowledgeProblem[],
): void {
  const required = ['rejected.empty', 'rejected.tooLong', 'noMatch', 'help', 'inferred', 'notFound'];
  // Every aspect a question can ask of a project is said when unknown, and (but for the two no
  // record holds) when known: as a value, or as yes and no.
  for (const { id } of kb.lexicon.aspects) {
    required.push(`unknown.${id}`);
    if (id === 'winner' || id === 'contact') continue;
    if (`project.${id}.true` in kb.messages) required.push(`project.${id}.false`);
    else required.push(`project.${id}`);
  }
  for (const key of required) {
    if (!(key in kb.messages))
      problems.push({ file: 'messages.yaml', path: `messages.${key}`, message: 'message is missing' });
  }
  for (const [key, message] of Object.entries(kb.messages)) {
    const placeholders = (text: string) =>
      [...new Set([...text.matchAll(/\{(\w+)/g)].map((m) => m[1]))].sort().join(',');
    if (placeholders(message.ko) !== placeholders(message.en)) {
      problems.push({
        file: 'messages.yaml',
        path: `messages.${key}`,
        message: 'Korean and English texts use different placeholders',
      });
    }
  }
}

/** Cross-checks between the files: every reference resolves, every id is unique where it must be. */
