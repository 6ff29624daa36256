import { convertQwertyToHangul } from 'es-hangul';
import type { KnowledgeBase } from '../../knowledge/parse.js';
import type { Aliases, QuestionForm } from '../../knowledge/schema.js';
import type { ProjectAspect } from '../writers/project.js';
import { PhraseMatcher, type PhraseHit } from '../phraseMatcher.js';
import { normalizeText, type NormalizedText } from '../text.js';

export type Cue = 'decision' | 'info' | 'list' | 'program' | 'help';

/** The phrase matchers built once per knowledge base. */
export interface PhraseIndex {
  readonly projects: PhraseMatcher<string>;
  readonly shared: PhraseMatcher<string>;
  readonly sharedOwners: ReadonlyMap<string, readonly string[]>;
  readonly decisions: PhraseMatcher<string>;
  readonly topics: PhraseMatcher<string>;
  readonly requiredGroups: PhraseMatcher<string>;
  readonly requiredGroupCount: ReadonlyMap<string, number>;
  readonly aspects: PhraseMatcher<ProjectAspect>;
  readonly cues: PhraseMatcher<Cue>;
  readonly forms: PhraseMatcher<QuestionForm>;
  readonly agencies: PhraseMatcher<string>;
  readonly outOfScope: PhraseMatcher<true>;
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
    const key = `${String(e.target)}\u0000${e.phrase}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function both<T>(aliases: Aliases, target: T) {
  return [...aliases.ko, ...aliases.en].map((phrase) => ({ phrase, target }));
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
  const { lexicon } = kb;
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
    shared: new PhraseMatcher([...sharedOwners.keys()].map((phrase) => ({ phrase, target: phrase }))),
    sharedOwners,
    decisions: new PhraseMatcher(
      kb.decisions.flatMap((d) => both(d.keywords, d.id)),
      { fuzzy: true },
    ),
    // Typo tolerance where a miss hurts most (project names, rule words); topic keywords are many
    // and short, so they match exactly, which keeps an answer well under a millisecond.
    // A topic's wrong premises ("Post Tower" for an online briefing) point at the topic too.
    topics: new PhraseMatcher(
      unique(
        kb.topics.flatMap((t) => [
          ...both(t.keywords, t.id),
          ...t.premises.flatMap((p) => both(p.phrases, t.id)),
        ]),
      ),
    ),
    // Narrow topics match only when one phrase of every group is present: target "topic#group".
    requiredGroupCount: new Map(
      kb.topics.filter((t) => t.requires.length > 0).map((t) => [t.id, t.requires.length]),
    ),
    requiredGroups: new PhraseMatcher(
      unique(kb.topics.flatMap((t) => t.requires.flatMap((group, i) => both(group, `${t.id}#${i}`)))),
    ),
    aspects: new PhraseMatcher(lexicon.aspects.flatMap((a) => both(a.keywords, a.id))),
    cues: new PhraseMatcher([
      ...both(lexicon.decisionCues, 'decision' as const),
      ...both(lexicon.infoCues, 'info' as const),
      ...both(lexicon.listCues, 'list' as const),
      ...both(lexicon.programCues, 'program' as const),
      ...both(lexicon.helpCues, 'help' as const),
    ]),
    forms: new PhraseMatcher(
      (Object.entries(lexicon.forms) as [QuestionForm, Aliases][]).flatMap(([form, aliases]) =>
        both(aliases, form),
      ),
    ),
    agencies: new PhraseMatcher(
      lexicon.agencies.flatMap((a) => a.aliases.map((phrase) => ({ phrase, target: a.name }))),
    ),
    outOfScope: new PhraseMatcher(both(lexicon.outOfScope, true as const)),
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

export function matchPhrases(index: PhraseIndex, text: string): PhraseHits {
  const norm = normalizeText(text);
  const projects = index.projects.match(norm);
  const topicHitsRaw = [...index.topics.match(norm), ...requiredTopicHits(index, norm)];
  const decisionHitsRaw = index.decisions.match(norm);
  return {
    norm,
    projects,
    shared: index.shared.match(norm),
    decisions: dropShadowed(
      decisionHitsRaw,
      topicHitsRaw.filter((h) => !h.fuzzy),
    ),
    topics: dropShadowed(topicHitsRaw, projects),
    // Aspect words inside a project's name don't count ("국민비서 서비스"); inside a topic phrase
    // they still do, since a project question decides by its aspect.
    aspects: dropShadowed(index.aspects.match(norm), projects),
    cues: new Set(index.cues.match(norm).map((h) => h.target)),
    forms: new Set(dropShadowed(index.forms.match(norm), projects).map((h) => h.target)),
    agencies: index.agencies.match(norm),
    outOfScope: Math.max(0, ...index.outOfScope.match(norm).map((h) => h.length)),
  };
}

/** Hits for topics whose every required group matched: one hit per topic, as long as all its groups. */
function requiredTopicHits(index: PhraseIndex, norm: NormalizedText): PhraseHit<string>[] {
  const groups = new Map<string, Map<number, PhraseHit<string>>>();
  for (const hit of index.requiredGroups.match(norm)) {
    const [topic, group] = hit.target.split('#') as [string, string];
    const byGroup = groups.get(topic) ?? new Map<number, PhraseHit<string>>();
    const previous = byGroup.get(Number(group));
    if (previous === undefined || previous.length < hit.length) byGroup.set(Number(group), hit);
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
