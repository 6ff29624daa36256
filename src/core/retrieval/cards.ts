import type { KnowledgeBase } from '../../knowledge/parse.js';
import type { Aliases, Localized } from '../../knowledge/schema.js';
import { tokenize } from './tokenize.js';

/** An answer card: one thing the engine can answer, ranked against a question. */
export interface Card {
  /** `topic:<id>`, `decision:<id>`, `aspect:<id>`, `list:<kind>` or `help` (as in examples.yaml). */
  readonly id: string;
  readonly kind: 'topic' | 'decision' | 'aspect' | 'list' | 'help';
  /** The topic, decision, aspect or list id the card stands for. */
  readonly target: string;
}

export interface RankedCard {
  readonly card: Card;
  readonly score: number;
  /** How many distinct terms of the question the card shares. */
  readonly terms: number;
}

const both = (a: Localized | Aliases) =>
  'ko' in a && Array.isArray(a.ko)
    ? [...a.ko, ...(a as Aliases).en].join(' \n ')
    : `${(a as Localized).ko} \n ${(a as Localized).en}`;

const FIELD_WEIGHTS = { examples: 2, keywords: 2.5, title: 1.5, body: 0.7 } as const;
const K1 = 1.2;
const B = 0.75;

/**
 * Ranks answer cards for a question: BM25 over each card's example questions, keywords, title and
 * answer text, with Hangul-aware terms (tokenize.ts: words without particles plus syllable bigrams).
 * There are a few dozen cards, so the postings are plain arrays and a question is scored in tens of
 * microseconds (MiniSearch took 0.3–0.6 ms per question here, most of the engine's budget).
 */
export class CardIndex {
  private readonly cards: Card[] = [];
  /** Each term's cards and weights, as two parallel arrays (a question reads thousands of them). */
  private readonly postings = new Map<
    string,
    { readonly cards: Uint16Array; readonly weights: Float64Array }
  >();
  /** Scores and shared-term counts by card, reused from question to question (zeroed after each). */
  private readonly scores: Float64Array;
  private readonly shared: Uint16Array;

  constructor(kb: KnowledgeBase) {
    const documents = new Map<string, { card: Card } & Record<keyof typeof FIELD_WEIGHTS, string[]>>();
    const add = (card: Card, part: Partial<Record<keyof typeof FIELD_WEIGHTS, string>>) => {
      const doc = documents.get(card.id) ?? { card, examples: [], keywords: [], title: [], body: [] };
      for (const [field, text] of Object.entries(part) as [keyof typeof FIELD_WEIGHTS, string][])
        doc[field].push(text);
      documents.set(card.id, doc);
    };
    // One card per topic id, from its three newest records (an edition's topic repeats its id every
    // year; indexing every year's copy would make the index grow with the editions).
    const byId = new Map<string, (typeof kb.topics)[number][]>();
    for (const topic of kb.topics) byId.set(topic.id, [...(byId.get(topic.id) ?? []), topic]);
    for (const [id, records] of byId) {
      const newest = [...records].sort((a, c) => (c.edition ?? 0) - (a.edition ?? 0)).slice(0, 3);
      for (const topic of newest) {
        add(
          { id: `topic:${id}`, kind: 'topic', target: id },
          {
            keywords: [both(topic.keywords), ...topic.requires.map(both)].join(' \n '),
            title: both(topic.title),
            body: topic.statements.map((s) => both(s.text)).join(' \n '),
          },
        );
      }
    }
    for (const decision of kb.decisions) {
      const measure = decision.measure !== undefined ? kb.measures.get(decision.measure) : undefined;
      add(
        { id: `decision:${decision.id}`, kind: 'decision', target: decision.id },
        {
          keywords: both(decision.keywords),
          title: both(decision.title),
          body: measure ? [measure.title, measure.temporary, measure.relaxes].map(both).join(' \n ') : '',
        },
      );
    }
    for (const aspect of kb.lexicon.aspects) {
      add(
        { id: `aspect:${aspect.id}`, kind: 'aspect', target: aspect.id },
        { keywords: both(aspect.keywords) },
      );
    }
    add({ id: 'list:all', kind: 'list', target: 'all' }, { keywords: both(kb.lexicon.listCues) });
    add({ id: 'help', kind: 'help', target: 'help' }, { keywords: both(kb.lexicon.helpCues) });
    for (const example of kb.examples) {
      const [kind, target = kind] = example.card.split(':') as [Card['kind'], string?];
      add({ id: example.card, kind, target }, { examples: [...example.ko, ...example.en].join(' \n ') });
    }

    // Weighted term frequencies per card, then BM25 weights per (term, card).
    const frequencies: Map<string, number>[] = [];
    const lengths: number[] = [];
    for (const doc of documents.values()) {
      const tf = new Map<string, number>();
      let length = 0;
      for (const field of Object.keys(FIELD_WEIGHTS) as (keyof typeof FIELD_WEIGHTS)[]) {
        for (const term of doc[field].flatMap((text) => tokenize(text))) {
          tf.set(term, (tf.get(term) ?? 0) + FIELD_WEIGHTS[field]);
          length += FIELD_WEIGHTS[field];
        }
      }
      this.cards.push(doc.card);
      frequencies.push(tf);
      lengths.push(length);
    }
    const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
    const documentFrequency = new Map<string, number>();
    for (const tf of frequencies)
      for (const term of tf.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    const n = frequencies.length;
    const lists = new Map<string, { cards: number[]; weights: number[] }>();
    frequencies.forEach((tf, card) => {
      const norm = K1 * (1 - B + (B * lengths[card]!) / averageLength);
      for (const [term, f] of tf) {
        const df = documentFrequency.get(term)!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        let list = lists.get(term);
        if (list === undefined) lists.set(term, (list = { cards: [], weights: [] }));
        list.cards.push(card);
        list.weights.push((idf * f * (K1 + 1)) / (f + norm));
      }
    });
    for (const [term, list] of lists)
      this.postings.set(term, {
        cards: Uint16Array.from(list.cards),
        weights: Float64Array.from(list.weights),
      });
    this.scores = new Float64Array(this.cards.length);
    this.shared = new Uint16Array(this.cards.length);
  }

  /** Whether any card has the term. */
  knows(term: string): boolean {
    return this.postings.has(term);
  }

  /** Whether a term is telling: it appears in few cards (at most three). */
  isRare(term: string): boolean {
    const list = this.postings.get(term);
    return list === undefined || list.cards.length <= 3;
  }

  /**
   * Words of the question that no card knows: Korean words of two syllables or more most of whose
   * syllable pairs appear nowhere. A question about
   * something else entirely ("탄소중립 예산") shows itself by such words.
   */
  unknownWords(terms: ReadonlySet<string>): string[] {
    const unknown: string[] = [];
    for (const term of terms) {
      if (/[\uac00-\ud7a3]/.test(term)) {
        if (term.length < 3 || this.postings.has(term)) continue;
        const pairs = [...Array(term.length - 1).keys()].map((i) => term.slice(i, i + 2));
        const missing = pairs.filter((pair) => !this.postings.has(pair)).length;
        if (missing * 2 >= pairs.length) unknown.push(term);
      }
      // English words are not judged: any verb the cards happen not to use would count.
    }
    return unknown;
  }

  /** Cards by relevance to a question's terms (tokenize.ts), best first (only cards sharing a term). */
  rank(terms: ReadonlySet<string>, limit = 5): RankedCard[] {
    const { scores, shared } = this;
    for (const term of terms) {
      const posting = this.postings.get(term);
      if (posting === undefined) continue;
      const { cards, weights } = posting;
      for (let k = 0; k < cards.length; k++) {
        scores[cards[k]!]! += weights[k]!;
        shared[cards[k]!]!++;
      }
    }
    // The cards that share a term, best first (ties in card order), as objects only for the first `limit`.
    const hit: number[] = [];
    for (let i = 0; i < scores.length; i++) if (scores[i]! > 0) hit.push(i);
    hit.sort((x, y) => scores[y]! - scores[x]! || x - y);
    const ranked = hit
      .slice(0, limit)
      .map((i) => ({ card: this.cards[i]!, score: scores[i]!, terms: shared[i]! }));
    scores.fill(0);
    shared.fill(0);
    return ranked;
  }
}
