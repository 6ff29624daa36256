import type { Engine } from './engine.js';

/**
 * Answers a few hundred questions made from the knowledge base's own words, so the JIT has
 * compiled the matching code before the first user asks (a server's first answers are otherwise
 * several times slower than its later ones). Pure; returns how many answers it made.
 */
export function warmUp(engine: Engine, rounds = 3): number {
  const { kb } = engine;
  const questions: string[] = [];
  const aspects = kb.lexicon.aspects
    .flatMap((a) => [a.keywords.ko[0], a.keywords.en[0]])
    .filter((w) => w !== undefined);
  for (const project of kb.projects) {
    for (const [i, aspect] of aspects.entries()) {
      const alias = i % 2 === 0 ? project.aliases.ko[0] : project.aliases.en[0];
      if (alias !== undefined) questions.push(`${alias} ${aspect}?`);
    }
  }
  for (const topic of kb.topics)
    questions.push(`${topic.keywords.ko[0] ?? ''} 알려줘`, `${topic.keywords.en[0] ?? ''} please`);
  for (const decision of kb.decisions) {
    questions.push(
      `2021년 5월 ${decision.keywords.ko[0] ?? ''} 가능해?`,
      `can ${decision.keywords.en[0] ?? ''} in March 2020?`,
    );
  }
  let n = 0;
  for (let round = 0; round < rounds; round++) {
    for (const text of questions) {
      engine.answer({ text, today: '2021-05-10' });
      n++;
    }
  }
  return n;
}
