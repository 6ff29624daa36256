import { convertQwertyToHangul } from 'es-hangul';
import type { KnowledgeBase } from '../../knowledge/parse.js';
import type { Aliases, QuestionForm } from '../../knowledge/schema.js';
import type { ProjectAspect } from '../writers/project.js';
import { PhraseMatcher, type PhraseHit } from '../phraseMatcher.js';
import { normalizeText, type NormalizedText } from '../text.js';

export type Cue = 'decision' | 'info' | 'list' | 'program' | 'help';

/** What an exact phrase stands for: every kind of phrase but project names and rule words. */
type Tag =
  | { readonly kind: 'shared'; readonly phrase: string }
  | { readonly kind: 'topic'; readonly id: string }
  | { readonly kind: 'group'; readonly topic: string; readonly group: number }
  | { readonly kind: 'aspect'; readonly id: ProjectAspect }
  | { readonly kind: 'cue'; readonly cue: Cue }
  | { readonly kind: 'form'; readonly form: QuestionForm }
  | { readonly kind: 'agency'; readonly name: string }
  | { readonly kind: 'outOfScope'; readonly foreign: boolean }
  | { readonly kind: 'premise'; readonly topic: string; readonly with: readonly string[] };

/** The phrase matchers built once per knowledge base. */
export interface PhraseIndex {
  /** Project names, with typo tolerance. */
  readonly projects: PhraseMatcher<string>;
  /** Rule words, with typo tolerance. */
  readonly decisions: PhraseMatcher<string>;
  /**
   * Every other phrase, matched exactly in one scan of the question: shared names, topic keywords
   * and required groups, aspects, cues, question forms, agencies, out-of-scope subjects, premises.
   */
  readonly exact: PhraseMatcher<Tag>;
  readonly sharedOwners: ReadonlyMap<string, readonly string[]>;
  readonly requiredGroupCount: ReadonlyMap<string, number>;
}

/** What the phrase matchers found in a question. */
export interface PhraseHits {
  readonly norm: NormalizedText;
  readonly projects: readonly PhraseHit<string>[];
  readonly shared: readonly PhraseHit<string>[];
  readonly decisions: readonly PhraseHit<string>[];
  readonly topics: readonly PhraseHit<string>[];
  readonly aspects: readonly PhraseHit<ProjectAspect>[];
  readonly cues: ReadonlySet<Cue>;
  readonly forms: ReadonlySet<QuestionForm>;
  readonly agencies: readonly PhraseHit<string>[];
  /** The longest phrase naming another ministry's program or an unrelated subject (0: none). */
  readonly outOfScope: number;
}

/** Each (phrase, target) once: editions repeat the same names and keywords. */
function unique<T>(entries: readonly { phrase: string; target: T }[]): { phrase: string; target: T }[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${JSON.stringify(e.target)}\u0000${e.phrase}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function both<T>(aliases: Aliases, target: T) {
  return [...aliases.ko, ...aliases.en].map((phrase) => ({ phrase, target }));
}

function exactEntries(
  kb: KnowledgeBase,
  sharedPhrases: readonly string[],
): { phrase: string; target: Tag }[] {
  const { lexicon } = kb;
  const cues: [Aliases, Cue][] = [
    [lexicon.decisionCues, 'decision'],
    [lexicon.infoCues, 'info'],
    [lexicon.listCues, 'list'],
    [lexicon.programCues, 'program'],
    [lexicon.helpCues, 'help'],
  ];
  return unique<Tag>([
    ...sharedPhrases.map((phrase) => ({ phrase, target: { kind: 'shared', phrase } as const })),
    // A topic's wrong premises ("Post Tower" for an online briefing) point at the topic too.
    ...kb.topics.flatMap((t) => [
      ...both(t.keywords, { kind: 'topic', id: t.id } as const),
      ...t.premises
        .filter((p) => p.with === undefined)
        .flatMap((p) => both(p.phrases, { kind: 'topic', id: t.id } as const)),
      // Narrow topics match only when one phrase of every group is present.
      ...t.requires.flatMap((group, i) => both(group, { kind: 'group', topic: t.id, group: i } as const)),
      // Premise words that count only next to one of their `with` phrases ("주차" next to "설명회").
      ...t.premises.flatMap((p) =>
        p.with === undefined
          ? []
          : both(p.phrases, {
              kind: 'premise',
              topic: t.id,
              with: [...p.with.ko, ...p.with.en].map((w) => normalizeText(w).compact),
            } as const),
      ),
    ]),
    ...lexicon.aspects.flatMap((a) => both(a.keywords, { kind: 'aspect', id: a.id } as const)),
    ...cues.flatMap(([aliases, cue]) => both(aliases, { kind: 'cue', cue } as const)),
    ...(Object.entries(lexicon.forms) as [QuestionForm, Aliases][]).flatMap(([form, aliases]) =>
      both(aliases, { kind: 'form', form } as const),
    ),
    ...lexicon.agencies.flatMap((a) =>
      a.aliases.map((phrase) => ({ phrase, target: { kind: 'agency', name: a.name } as const })),
    ),
    ...both(lexicon.outOfScope, { kind: 'outOfScope', foreign: false } as const),
    ...both(lexicon.foreignLaw, { kind: 'outOfScope', foreign: true } as const),
  ]);
}

export function buildPhraseIndex(kb: KnowledgeBase): PhraseIndex {
  const sharedOwners = new Map<string, string[]>();
  for (const project of kb.projects) {
    for (const phrase of [...project.sharedAliases.ko, ...project.sharedAliases.en]) {
      const owners = sharedOwners.get(phrase) ?? [];
      if (!owners.includes(project.id)) owners.push(project.id);
      sharedOwners.set(phrase, owners);
    }
  }
  return {
    // A project in several editions repeats its names: each phrase once.
    projects: new PhraseMatcher(
      unique(
        kb.projects.flatMap((p) => [
          ...both(p.aliases, p.id),
          { phrase: p.name.ko, target: p.id },
          { phrase: p.name.ko.replace(/\s*\([^)]*\)\s*$/, ''), target: p.id },
          { phrase: p.name.en.replace(/,.*$/, ''), target: p.id },
        ]),
      ),
      { fuzzy: true },
    ),
    // Typo tolerance where a miss hurts most (project names, rule words); the other phrases are
    // many and short, so they match exactly, which keeps an answer well under a millisecond.
    decisions: new PhraseMatcher(
      kb.decisions.flatMap((d) => both(d.keywords, d.id)),
      { fuzzy: true },
    ),
    exact: new PhraseMatcher(exactEntries(kb, [...sharedOwners.keys()])),
    sharedOwners,
    requiredGroupCount: new Map(
      kb.topics.filter((t) => t.requires.length > 0).map((t) => [t.id, t.requires.length]),
    ),
  };
}

function compactOf(hit: PhraseHit<unknown>): string {
  return hit.key.replace(/[\s-]/g, '');
}

/** Drops hits whose phrase lies inside a longer phrase matched for another purpose (longest match wins). */
function dropShadowed<T>(
  hits: readonly PhraseHit<T>[],
  longer: readonly PhraseHit<unknown>[],
): PhraseHit<T>[] {
  return hits.filter((hit) => {
    const key = compactOf(hit);
    return !longer.some((other) => {
      const otherKey = compactOf(other);
      return otherKey.length > key.length && otherKey.includes(key);
    });
  });
}

/** The exact hits of one kind, with their target as that kind's value. */
function hitsOf<K extends Tag['kind'], T>(
  byKind: ReadonlyMap<Tag['kind'], readonly PhraseHit<Tag>[]>,
  kind: K,
  value: (tag: Extract<Tag, { kind: K }>) => T,
): PhraseHit<T>[] {
  return (byKind.get(kind) ?? []).map((h) => ({
    ...h,
    target: value(h.target as Extract<Tag, { kind: K }>),
  }));
}

/** The exact hits by their kind, in the order found (one pass instead of one per kind). */
function byKindOf(hits: readonly PhraseHit<Tag>[]): Map<Tag['kind'], PhraseHit<Tag>[]> {
  const byKind = new Map<Tag['kind'], PhraseHit<Tag>[]>();
  for (const hit of hits) {
    const list = byKind.get(hit.target.kind);
    if (list) list.push(hit);
    else byKind.set(hit.target.kind, [hit]);
  }
  return byKind;
}

export function matchPhrases(index: PhraseIndex, text: string): PhraseHits {
  const norm = normalizeText(text);
  const projects = index.projects.match(norm);
  const exact = byKindOf(index.exact.match(norm));
  const premiseHits = hitsOf(exact, 'premise', (t) => t)
    .filter((h) => h.target.with.some((w) => norm.compact.includes(w)))
    .map((h) => ({ ...h, target: h.target.topic }));
  const topicHitsRaw = [
    ...hitsOf(exact, 'topic', (t) => t.id),
    ...requiredTopicHits(
      index,
      hitsOf(exact, 'group', (t) => t),
    ),
    ...premiseHits,
  ];
  const decisionHitsRaw = index.decisions.match(norm);
  return {
    norm,
    projects,
    shared: hitsOf(exact, 'shared', (t) => t.phrase),
    // Rule words inside a topic phrase or an agency's name ("Ministry of SMEs and Startups",
    // 중소벤처기업부) are part of that name, not a company size.
    decisions: dropShadowed(decisionHitsRaw, [
      ...topicHitsRaw.filter((h) => !h.fuzzy),
      ...hitsOf(exact, 'agency', (t) => t.name),
    ]),
    topics: dropShadowed(topicHitsRaw, projects),
    // Aspect words inside a project's name don't count ("국민비서 서비스"); inside a topic phrase
    // they still do, since a project question decides by its aspect.
    aspects: dropShadowed(
      hitsOf(exact, 'aspect', (t) => t.id),
      projects,
    ),
    cues: new Set(hitsOf(exact, 'cue', (t) => t.cue).map((h) => h.target)),
    forms: new Set(
      dropShadowed(
        hitsOf(exact, 'form', (t) => t.form),
        projects,
      ).map((h) => h.target),
    ),
    agencies: hitsOf(exact, 'agency', (t) => t.name),
    // Another country's law ("미국 FAR") is outside whatever rule words come with it.
    outOfScope: Math.max(
      0,
      ...hitsOf(exact, 'outOfScope', (t) => t.foreign).map((h) => (h.target ? Infinity : h.length)),
    ),
  };
}

/** Hits for topics whose every required group matched: one hit per topic, as long as all its groups. */
function requiredTopicHits(
  index: PhraseIndex,
  groupHits: readonly PhraseHit<{ readonly topic: string; readonly group: number }>[],
): PhraseHit<string>[] {
  const groups = new Map<string, Map<number, PhraseHit<unknown>>>();
  for (const hit of groupHits) {
    const { topic, group } = hit.target;
    const byGroup = groups.get(topic) ?? new Map<number, PhraseHit<unknown>>();
    const previous = byGroup.get(group);
    if (previous === undefined || previous.length < hit.length) byGroup.set(group, hit);
    groups.set(topic, byGroup);
  }
  const hits: PhraseHit<string>[] = [];
  for (const [topic, byGroup] of groups) {
    if (byGroup.size !== index.requiredGroupCount.get(topic)) continue;
    const parts = [...byGroup.values()];
    hits.push({
      target: topic,
      phrase: parts.map((h) => h.phrase).join(' + '),
      key: parts.map((h) => h.key).join('+'),
      length: parts.reduce((n, h) => n + h.length, 0),
      fuzzy: parts.some((h) => h.fuzzy),
    });
  }
  return hits;
}

export function isEmptyMatch(h: PhraseHits): boolean {
  return h.projects.length + h.shared.length + h.decisions.length + h.topics.length + h.aspects.length === 0;
}

/** Distinct targets, ordered by their best hit (exact before fuzzy, longer first). */
export function rankTargets<T>(hits: readonly PhraseHit<T>[]): T[] {
  const best = new Map<T, number>();
  for (const hit of hits) {
    const score = hit.length + (hit.fuzzy ? 0 : 100);
    best.set(hit.target, Math.max(best.get(hit.target) ?? 0, score));
  }
  return [...best.entries()].sort((a, b) => b[1] - a[1]).map(([target]) => target);
}

/** "rnralsqltj" typed with the Korean IME off, read as the Hangul it was meant to be (국민비서). */
export function readQwertyAsHangul(text: string): string {
  return text.replace(/[a-zA-Z]+/g, (word) => {
    try {
      const hangul = convertQwertyToHangul(word);
      return /^[\uac00-\ud7a3]+$/.test(hangul) ? hangul : word;
    } catch {
      return word; // not a key sequence es-hangul can read as Hangul; keep the word
    }
  });
}
