import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { LIST_CARDS } from '../../src/knowledge/schema.js';

const MIN_EXAMPLES_PER_LANGUAGE = 6;

const kb = loadKnowledge();

/** The form two examples are compared in: lower case, without spaces, punctuation or symbols. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Every card the knowledge base answers with, derived from its topics, decisions and aspects. */
function expectedCards(): string[] {
  return [
    ...new Set([
      ...kb.topics.map((t) => `topic:${t.id}`),
      ...kb.decisions.map((d) => `decision:${d.id}`),
      ...kb.lexicon.aspects.map((a) => `aspect:${a.id}`),
      ...LIST_CARDS.map((kind) => `list:${kind}`),
      'help',
    ]),
  ];
}

describe('knowledge/examples.yaml', () => {
  it('has a card for every topic, decision, aspect, list and help, and no other', () => {
    const cards = kb.examples.map((e) => e.card);
    expect([...cards].sort()).toEqual(expectedCards().sort());
  });

  it.each(kb.examples.map((e) => [e.card, e] as const))(
    `%s has at least ${MIN_EXAMPLES_PER_LANGUAGE} Korean and ${MIN_EXAMPLES_PER_LANGUAGE} English examples`,
    (_card, example) => {
      expect(example.ko.length).toBeGreaterThanOrEqual(MIN_EXAMPLES_PER_LANGUAGE);
      expect(example.en.length).toBeGreaterThanOrEqual(MIN_EXAMPLES_PER_LANGUAGE);
    },
  );

  it.each(kb.examples.map((e) => [e.card, e] as const))(
    '%s has Korean examples in Hangul and English examples without it',
    (_card, example) => {
      const hangul = /\p{Script=Hangul}/u;
      expect(example.ko.filter((q) => !hangul.test(q))).toEqual([]);
      expect(example.en.filter((q) => hangul.test(q) && !/\d+억/u.test(q))).toEqual([]);
    },
  );

  it('repeats no example, within a card or across cards, ignoring case, spacing and punctuation', () => {
    const cardsByExample = new Map<string, string[]>();
    for (const { card, ko, en } of kb.examples) {
      for (const question of [...ko, ...en]) {
        const key = normalize(question);
        cardsByExample.set(key, [...(cardsByExample.get(key) ?? []), card]);
      }
    }
    const repeated = [...cardsByExample].filter(([, cards]) => cards.length > 1);
    expect(repeated).toEqual([]);
  });

  it('names no project in the examples of a project aspect', () => {
    const projectNames = kb.projects.flatMap((p) =>
      [p.name.ko, p.name.en, ...p.aliases.ko, ...p.aliases.en].map(normalize),
    );
    const naming = kb.examples
      .filter((e) => e.card.startsWith('aspect:'))
      .flatMap((e) => [...e.ko, ...e.en].map((q) => ({ card: e.card, question: q })))
      .filter(({ question }) => projectNames.some((name) => normalize(question).includes(name)));
    expect(naming).toEqual([]);
  });
});
