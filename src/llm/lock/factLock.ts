/**
 * The fact lock: a model's rewording of a decided answer is sent only when it states exactly the answer's
 * facts, in the answer's words or neutral ones, with the same verdict and qualifiers, each fact still with
 * the name it belongs to. One lock per knowledge base; it keeps what it reads from each decided answer.
 */
import { KNOWN_IDENTIFIERS, prepareText } from '../facts/extract.js';
import { blankSpans, compactText } from '../facts/looseText.js';
import type { FactToken } from '../facts/tokens.js';
import type { DecidedAnswer } from '../types.js';
import { findMention, findOddCharacter } from './characters.js';
import { findStrayFact, isKeyTokenPresent } from './factCheck.js';
import type { LockKnowledge } from './knowledge.js';
import { checkLanguage } from './language.js';
import { blankLinks, collectLinks, findNewLink } from './links.js';
import { findDroppedStatement } from './presence.js';
import { countLines } from './lineCounts.js';
import { findChangedQualifier } from './markers.js';
import { createMentionFinder } from './mentions.js';
import { collectDirections, findTurnedDirection } from './comparators.js';
import { findMovedFacts } from './cooccurrence.js';
import { findChangedInference } from './inference.js';
import { collectValues, findWrongPairing, isYearBound, yearAnchors } from './pairing.js';
import { reject, type FactLockResult } from './reasons.js';
import { readText, type Reading } from './reading.js';
import { segmentText } from './segments.js';
import { lettersOnly, profileTemplate, type LockTools, type TemplateProfile } from './template.js';
import { blankTraceLines, findRewrittenTrace } from './traceLines.js';
import { findVerdictChange } from './verdict.js';
import { findNewWord } from './vocabulary.js';

/** Part of every phrasing cache key: a phrasing accepted by an older lock is checked again, never replayed. */
export const FACT_LOCK_VERSION = 'fact-lock-v2';

/** Limits of a check. */
export interface FactLockOptions {
  /** Longest accepted rewording, in code points. */
  readonly maxLength: number;
}

export interface FactLock {
  check(decided: DecidedAnswer, candidate: string, options: FactLockOptions): FactLockResult;
}

const PROFILE_LIMIT = 512;

/** A rewording as the checks read it: prepared, with copied trace lines blanked, and read. */
interface Said {
  readonly prepared: string;
  readonly prose: string;
  readonly reading: Reading;
}

/** Length in code points, the unit of `maxLength`. */
export function countCodePoints(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count -= 1;
        index += 1;
      }
    }
  }
  return count;
}

function createTools(knowledge: LockKnowledge): LockTools {
  const allNames = knowledge.projects.flatMap((p) => p.names);
  // Full names (one edition's record) and the longer Korean short names.
  const distinctive = knowledge.projects.flatMap((p) =>
    p.edition !== null ? p.names : p.names.filter((name) => /[가-힣]/u.test(name) && name.length >= 3),
  );
  const projectNames = new Map<string, string[]>();
  for (const p of knowledge.projects) projectNames.set(p.id, [...(projectNames.get(p.id) ?? []), ...p.names]);
  const recordEditions = new Map<string, number[]>();
  const recordOfName = new Map<string, string>();
  for (const p of knowledge.projects) {
    if (p.edition === null) continue;
    recordEditions.set(p.id, [...(recordEditions.get(p.id) ?? []), p.edition]);
    for (const name of p.names) recordOfName.set(compactText(name), `${p.id}:${p.edition}`);
  }
  return {
    names: createMentionFinder([
      ...knowledge.projects.flatMap((p) => p.names.map((name) => ({ key: `project:${p.id}`, name }))),
      ...knowledge.periods.map((name) => ({ key: `period:${name}`, name })),
      ...knowledge.agencies.flatMap((a) => a.names.map((name) => ({ key: `agency:${a.name}`, name }))),
      ...KNOWN_IDENTIFIERS.map((name) => ({ key: `identifier:${name}`, name })),
    ]),
    projectNames,
    recordEditions,
    recordOfName,
    agencyNames: new Map(knowledge.agencies.map((a) => [`agency:${a.name}`, a.names])),
    distinctive: new Set(distinctive.map(compactText).filter((compact) => compact.length >= 2)),
    nameKeys: new Set(allNames.map(lettersOnly)),
  };
}

/** Everything that can be judged without reading facts: length, characters, mentions, links, language, trace. */
function checkSurface(
  decided: DecidedAnswer,
  profile: TemplateProfile,
  text: string,
  maxLength: number,
): FactLockResult | { prepared: string; prose: string } {
  if (text === '') return reject('empty', 'rewording is empty');
  const length = countCodePoints(text);
  if (length > maxLength) return reject('too_long', `${length} > ${maxLength} characters`);
  const odd = findOddCharacter(text, profile.extraCharacters);
  if (odd !== null) return reject('odd_character', `${odd} is not in the answer`);
  const prepared = prepareText(text);
  const mention = findMention(prepared);
  if (mention !== null) return reject('mentions', `contains "${mention}"`);
  const link = findNewLink(prepared, profile.links);
  if (link !== null) return reject('new_url', `"${link}" is not a source of the answer`);
  const language = checkLanguage(decided.language, profile.scripts, prepared);
  if (language !== null) return reject('wrong_language', `expected ${decided.language}: ${language}`);
  const prose = blankTraceLines(prepared, profile.trace);
  const rewritten = findRewrittenTrace(prose, profile.trace);
  if (rewritten !== null) return reject('changed_trace', `trace line of ${rewritten} is not copied exactly`);
  return { prepared, prose };
}

/**
 * A distinctive name of a project the answer does not name, or the full name of another edition's
 * record of a project it does name ("국민비서 … (3차)" where the answer speaks of 2차), or null.
 */
function findUnknownProject(profile: TemplateProfile, tools: LockTools, said: Said): string | null {
  const stray = said.reading.anchors.find((m) => {
    if (!m.key.startsWith('project:')) return false;
    const compact = compactText(m.name ?? '');
    if (!profile.allowedProjects.has(m.key)) return tools.distinctive.has(compact);
    const record = tools.recordOfName.get(compact);
    return record !== undefined && !profile.allowedRecords.has(record);
  });
  return stray?.name ?? null;
}

function findDroppedKeyFact(profile: TemplateProfile, said: Said) {
  let letters: string | undefined;
  const agencies = new Set(said.reading.agencies.map((a) => a.key));
  for (const key of profile.keyFacts) {
    const present =
      key.agency !== undefined
        ? agencies.has(key.agency)
        : key.isName
          ? (letters ??= lettersOnly(said.prepared)).includes(key.letters)
          : key.tokens.every((token) => isKeyTokenPresent(token, said.reading.tokens));
    if (!present) return key.text;
  }
  return null;
}

/** The facts: no new or repeated ones, no unknown project, every key fact kept. */
function checkFacts(profile: TemplateProfile, tools: LockTools, said: Said): FactLockResult | null {
  const stray = findStrayFact(said.prose, said.reading.tokens, profile.facts);
  if (stray !== null) return reject(stray.reason, stray.detail);
  const project = findUnknownProject(profile, tools, said);
  if (project !== null) return reject('unknown_project', `"${project}" is not a project of this answer`);
  const dropped = findDroppedKeyFact(profile, said);
  if (dropped !== null) return reject('dropped_key_fact', `key fact "${dropped}" is missing`);
  return null;
}

/** The meaning around the facts: verdict, qualifiers, inference marks, pairings and wording. */
function checkMeaning(decided: DecidedAnswer, profile: TemplateProfile, said: Said): FactLockResult | null {
  const { prepared, prose } = said;
  const { tokens, anchors, agencies } = said.reading;
  const counts = countLines(prose, profile.counts.lines);
  const verdict = findVerdictChange(decided, profile.counts.verdicts, counts.verdicts);
  if (verdict !== null) return reject('verdict_changed', verdict);
  const isAllConfirmed = !decided.hasInferred && decided.status === 'answered';
  const qualifier = findChangedQualifier(profile.counts.qualifiers, counts.qualifiers, isAllConfirmed);
  if (qualifier !== null) {
    const reason = qualifier.name === 'certainty' ? 'inference_changed' : 'changed_qualifier';
    return reject(reason, qualifier.detail);
  }
  const turned = findTurnedDirection(
    profile.directions,
    collectDirections(prose, tokens),
    new Set(tokens.map((t) => t.canonical)),
  );
  if (turned !== null) return reject('changed_qualifier', turned);
  const dropped = findDroppedStatement(
    profile.statements,
    prose,
    tokens,
    [...anchors, ...agencies],
    collectLinks(prose),
  );
  if (dropped !== null) return reject('dropped_key_fact', `${dropped} is missing`);
  const values = collectValues(tokens, agencies, anchors);
  const segments = segmentText(prose);
  const inference = findChangedInference(profile.inferred, prose, segments, anchors, values);
  if (inference !== null) return reject('inference_changed', inference);
  const pairing =
    findMovedFacts(profile.lineFacts, prose, segments, tokens) ??
    findWrongPairing(profile.pairs, prose, segments, anchors, values) ??
    findWrongPairing(profile.yearPairs, prose, segments, yearAnchors(tokens), values.filter(isYearBound));
  if (pairing !== null) return reject('wrong_pairing', pairing);
  // Links and facts are checked on their own: "제27조제3항" is a fact, not the words "제", "조제", "항".
  const word = findNewWord(blankFacts(blankLinks(prepared), tokens), profile.vocabulary);
  if (word !== null) return reject('new_word', `"${word}" is neither the answer's word nor a neutral one`);
  return null;
}

/** The text with the span of every fact written in digits blanked (offsets kept); number words stay words. */
function blankFacts(text: string, tokens: readonly FactToken[]): string {
  return blankSpans(
    text,
    tokens.filter((t) => /\d/u.test(t.raw)).map((t) => [t.index, t.index + t.raw.length] as const),
  );
}

/** Creates the fact lock of one knowledge base. */
export function createFactLock(knowledge: LockKnowledge): FactLock {
  const tools = createTools(knowledge);
  const profiles = new Map<string, TemplateProfile>();

  function profileOf(decided: DecidedAnswer): TemplateProfile {
    const key = [
      decided.text,
      decided.facts.join('\u0001'),
      decided.keyFacts.join('\u0001'),
      decided.projects.join('\u0001'),
      decided.sources.map((s) => s.url).join('\u0001'),
      decided.language,
      decided.status,
      String(decided.hasInferred),
    ].join('\u0000');
    let profile = profiles.get(key);
    if (profile === undefined) {
      profile = profileTemplate(decided, tools);
      if (profiles.size >= PROFILE_LIMIT) profiles.delete(profiles.keys().next().value ?? key);
      profiles.set(key, profile);
    }
    return profile;
  }

  return {
    check(decided, candidate, options) {
      const profile = profileOf(decided);
      const surface = checkSurface(decided, profile, candidate.trim(), options.maxLength);
      if ('ok' in surface) return surface;
      const said = { ...surface, reading: readText(tools.names, surface.prose, profile.lines) };
      return checkFacts(profile, tools, said) ?? checkMeaning(decided, profile, said) ?? { ok: true };
    },
  };
}
