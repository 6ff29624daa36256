import type { Edition, KnowledgeBase } from '../knowledge/parse.js';
import type { Decision, Project, Statement, Topic } from '../knowledge/schema.js';
import { buildPhraseIndex, type PhraseIndex } from './reading/phraseIndex.js';
import { CardIndex } from './retrieval/cards.js';
import { tokenize } from './retrieval/tokenize.js';
import { normalizeText } from './text.js';
import { typoWords, type TypoIndex } from './reading/typos.js';

/** Everything the engine builds once per knowledge base. */
export interface EngineContext {
  readonly kb: KnowledgeBase;
  readonly phrases: PhraseIndex;
  /** Words users mistype most, read as themselves when one jamo away (reading/typos.ts). */
  readonly typos: TypoIndex;
  readonly cards: CardIndex;
  /** Each project's records by edition, oldest first. */
  readonly projects: ReadonlyMap<string, readonly Project[]>;
  /** Each topic's records: one for a shared topic, one per edition for an edition's topic, oldest first. */
  readonly topics: ReadonlyMap<string, readonly Topic[]>;
  readonly decisions: ReadonlyMap<string, Decision>;
  /** Each topic's wrong premises, their phrases in compact form (text.ts), built once. */
  readonly premises: ReadonlyMap<
    Topic,
    readonly { phrases: readonly string[]; with: readonly string[]; correction: Topic['premises'][number] }[]
  >;
  /** Statements of what is not known that say which questions ask for it (`askedBy`). */
  readonly askedUnknowns: readonly Statement[];
  /** The terms of each edition's record of a project or topic, to tell which edition a question's words fit. */
  readonly recordTerms: (record: Project | Topic) => ReadonlySet<string>;
}

function group<T extends { id: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.id) ?? [];
    list.push(item);
    map.set(item.id, list);
  }
  return map;
}

export function createContext(kb: KnowledgeBase): EngineContext {
  const byEdition = <T extends { edition?: number | undefined }>(a: T, b: T) =>
    (a.edition ?? 0) - (b.edition ?? 0);
  const projects = group(kb.projects);
  for (const list of projects.values()) list.sort(byEdition);
  const topics = group(kb.topics);
  for (const list of topics.values()) list.sort(byEdition);
  // The terms of a record are read when a question first needs them: with many editions, reading
  // every record's text up front would make the index grow with the years.
  const termCache = new Map<Project | Topic, ReadonlySet<string>>();
  const recordTerms = (record: Project | Topic): ReadonlySet<string> => {
    let terms = termCache.get(record);
    if (terms === undefined) {
      const texts =
        'membership' in record
          ? [record.name.ko, record.name.en, ...record.aliases.ko, ...record.aliases.en]
          : [
              record.title.ko,
              record.title.en,
              ...record.statements.flatMap((st) => [st.text.ko, st.text.en]),
            ];
      terms = new Set(texts.flatMap((t) => tokenize(t)));
      termCache.set(record, terms);
    }
    return terms;
  };
  const premises = new Map(
    kb.topics
      .filter((t) => t.premises.length > 0)
      .map((t) => [
        t,
        t.premises.map((premise) => ({
          phrases: [...premise.phrases.ko, ...premise.phrases.en].map((p) => normalizeText(p).compact),
          with: premise.with
            ? [...premise.with.ko, ...premise.with.en].map((p) => normalizeText(p).compact)
            : [],
          correction: premise,
        })),
      ]),
  );
  return {
    kb,
    premises,
    askedUnknowns: kb.topics.flatMap((t) => t.statements.filter((st) => st.askedBy !== undefined)),
    recordTerms,
    phrases: buildPhraseIndex(kb),
    typos: typoWords(kb.lexicon.typoWords),
    cards: new CardIndex(kb),
    projects,
    topics,
    decisions: new Map(kb.decisions.map((d) => [d.id, d])),
  };
}

/** The editions a question may mean when it names no year: those announced by the as-of day (or the first). */
export function editionsKnownOn(kb: KnowledgeBase, today: string): readonly Edition[] {
  const known = kb.editions.filter((e) => e.announced <= today);
  return known.length > 0 ? known : kb.editions.slice(0, 1);
}

/**
 * The edition a question's own words point to among one project's or topic's records: the record
 * that alone has some of the question's terms ("국민비서 2차" is the 2021 record, "서보람 정책관"
 * the 2021 quote, 국장 the 2022 one), or null when no record stands out.
 */
export function pointedRecord<T extends Project | Topic>(
  ctx: EngineContext,
  records: readonly T[],
  questionTerms: ReadonlySet<string>,
): T | null {
  if (records.length < 2) return null;
  let best: { record: T; count: number } | null = null;
  let tie = false;
  for (const record of records) {
    const own = ctx.recordTerms(record);
    let count = 0;
    for (const term of questionTerms) {
      if (!own.has(term) || !ctx.cards.isRare(term)) continue;
      if (records.every((other) => other === record || !ctx.recordTerms(other).has(term))) count++;
    }
    if (count === 0) continue;
    if (best === null || count > best.count) {
      best = { record, count };
      tie = false;
    } else if (count === best.count) tie = true;
  }
  return best !== null && !tie ? best.record : null;
}

/**
 * The record to answer from among one project's or topic's records by edition: the year asked if it
 * has a record; with no year, the latest edition known on the as-of day whose record has the fact
 * (`hasFact`), else the latest known one. `named` says whether the answer must name its year because
 * another edition also has a record.
 */
export function pickRecord<T extends { edition?: number | undefined }>(
  records: readonly T[],
  years: readonly number[],
  known: readonly Edition[],
  hasFact: (record: T) => boolean = () => true,
): { record: T; others: T[]; named: boolean } | { missingYear: number } | null {
  if (records.length === 0) return null;
  const shared = records.find((r) => r.edition === undefined);
  if (shared) return { record: shared, others: [], named: false };
  const asked = years.find((y) => records.some((r) => r.edition === y));
  if (asked !== undefined) {
    const record = records.find((r) => r.edition === asked)!;
    return { record, others: records.filter((r) => r !== record), named: records.length > 1 };
  }
  const editionYears = new Set(known.map((e) => e.year));
  const askedOther = years.find((y) => !records.some((r) => r.edition === y));
  if (askedOther !== undefined) return { missingYear: askedOther };
  const candidates = records.filter((r) => editionYears.has(r.edition ?? 0));
  const pool = candidates.length > 0 ? candidates : records;
  const record = [...pool].reverse().find(hasFact) ?? pool.at(-1)!;
  return { record, others: records.filter((r) => r !== record), named: records.length > 1 };
}
