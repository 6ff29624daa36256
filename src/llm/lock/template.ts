/**
 * Everything the lock reads from a decided answer, read once per answer and kept by the lock of its
 * knowledge base (the same answer is decided again and again).
 */
import { compactText } from '../facts/looseText.js';
import { prepareText } from '../facts/extract.js';
import type { FactToken } from '../facts/tokens.js';
import type { DecidedAnswer } from '../types.js';
import { collectExtraCharacters } from './characters.js';
import { indexAllowedFacts, isKeyTokenPresent, type AllowedFacts } from './factCheck.js';
import { measureScripts, type ScriptShares } from './language.js';
import { collectLinks, indexAllowedLinks, type AllowedLinks } from './links.js';
import { countLines } from './lineCounts.js';
import type { MentionFinder } from './mentions.js';
import { readText, type LineReadings, type Reading } from './reading.js';
import { collectDirections, type Directions } from './comparators.js';
import { indexLineFacts, type LineFacts } from './cooccurrence.js';
import { collectInferenceMarks, type InferenceMarks } from './inference.js';
import { collectStatements, type Statements } from './presence.js';
import { collectValues, indexPairs, isYearBound, yearAnchors, type PairIndex } from './pairing.js';
import { segmentText } from './segments.js';
import { blankTraceLines, findTraceSlots, type TraceSlots } from './traceLines.js';
import { buildVocabulary, type Vocabulary } from './vocabulary.js';

/** What the lock derives from a knowledge base once. */
export interface LockTools {
  /** Projects, extension periods, agencies and identifiers, found in one pass. */
  readonly names: MentionFinder;
  readonly projectNames: ReadonlyMap<string, readonly string[]>;
  /** The editions each project has a record in. */
  readonly recordEditions: ReadonlyMap<string, readonly number[]>;
  /** Which record (`<id>:<year>`) a full project name (compact) names. */
  readonly recordOfName: ReadonlyMap<string, string>;
  readonly agencyNames: ReadonlyMap<string, readonly string[]>;
  /** Compact project names distinctive enough to spot in prose (full names and longer Korean aliases). */
  readonly distinctive: ReadonlySet<string>;
  /** Every project name as {@link lettersOnly} writes it: a key fact equal to one is a name. */
  readonly nameKeys: ReadonlySet<string>;
}

/** A key fact, read once: its tokens, or its letters when it is a name, or the agency it names. */
export interface KeyFact {
  readonly text: string;
  readonly tokens: readonly FactToken[];
  readonly letters: string;
  readonly isName: boolean;
  /** Set when the key fact is an agency: any of its names keeps it ("Environment Ministry"). */
  readonly agency: string | undefined;
}

export interface TemplateProfile {
  readonly extraCharacters: ReadonlySet<string>;
  readonly links: AllowedLinks;
  readonly scripts: ScriptShares;
  readonly trace: TraceSlots;
  readonly facts: AllowedFacts;
  readonly keyFacts: readonly KeyFact[];
  /** Keys of the projects the answer may name: its own, and any its text or facts name. */
  readonly allowedProjects: ReadonlySet<string>;
  /** Records (`<id>:<year>`) whose full names a rewording may use. */
  readonly allowedRecords: ReadonlySet<string>;
  readonly vocabulary: Vocabulary;
  /** Verdict and qualifier counts of the prose, and of each of its lines. */
  readonly counts: ReturnType<typeof countLines>;
  readonly pairs: PairIndex;
  /** Which amounts and counts the answer states with which year ("2020년 … 1,076억원"). */
  readonly yearPairs: PairIndex;
  readonly inferred: InferenceMarks;
  /** What a rewording must still state. */
  readonly statements: Statements;
  readonly lineFacts: LineFacts;
  readonly directions: Directions;
  /** The reading of each line of the prose, for the lines a rewording copies. */
  readonly lines: LineReadings;
}

/** Letters and digits only, lower case: "정부24 … 구축 (신규)" and "정부24…구축(신규)" compare equal. */
export function lettersOnly(text: string): string {
  return prepareText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function allowedProjects(decided: DecidedAnswer, readings: readonly Reading[]): Set<string> {
  const allowed = new Set(decided.projects.map((id) => `project:${id}`));
  for (const reading of readings) for (const anchor of reading.anchors) allowed.add(anchor.key);
  return allowed;
}

/**
 * The records whose full name a rewording may spell out: a named project's only record, a record
 * whose full name the answer uses, or one whose year the answer states. Another edition's full
 * name (국민비서 3차 where the answer speaks of 2차) is a new fact.
 */
function allowedRecords(decided: DecidedAnswer, tools: LockTools): Set<string> {
  const allowed = new Set<string>();
  const compactAnswer = compactText(decided.text);
  for (const id of decided.projects) {
    const editions = tools.recordEditions.get(id) ?? [];
    for (const edition of editions)
      if (editions.length === 1 || decided.text.includes(String(edition))) allowed.add(`${id}:${edition}`);
  }
  for (const [name, record] of tools.recordOfName) if (compactAnswer.includes(name)) allowed.add(record);
  return allowed;
}

/** The key facts the template's prose states (a key fact "11" is not stated by "112억원"; the trace is optional). */
function readKeyFacts(decided: DecidedAnswer, tools: LockTools, textTokens: readonly FactToken[]): KeyFact[] {
  const textLetters = lettersOnly(decided.text);
  return decided.keyFacts
    .map((text) => {
      const reading = readText(tools.names, prepareText(text));
      const letters = lettersOnly(text);
      const agency = reading.agencies.find((a) => a.end - a.start >= text.trim().length - 1);
      return {
        text,
        tokens: reading.tokens,
        letters,
        isName: tools.nameKeys.has(letters) || reading.tokens.length === 0,
        agency: agency?.key,
      };
    })
    .filter((key) =>
      key.isName
        ? textLetters.includes(key.letters)
        : key.tokens.every((token) => isKeyTokenPresent(token, textTokens)),
    );
}

export function profileTemplate(decided: DecidedAnswer, tools: LockTools): TemplateProfile {
  const prepared = prepareText(decided.text);
  const trace = findTraceSlots(prepared);
  const prose = blankTraceLines(prepared, trace);
  // Facts only the trace states (thresholds of rules that did not decide) are not the answer's facts.
  const lines = new Map<string, Reading>();
  const reading = readText(tools.names, prose, new Map(), lines);
  const { tokens, anchors, agencies } = reading;
  const factReadings = decided.facts.map((fact) => readText(tools.names, prepareText(fact)));
  const factTokens = factReadings.flatMap((r) => r.tokens);
  const values = collectValues(tokens, agencies, anchors);
  const onlyProject = decided.projects.length === 1 ? `project:${decided.projects[0] ?? ''}` : null;
  const agencyWords = agencies.flatMap((a) => tools.agencyNames.get(a.key) ?? []);
  const projectWords = decided.projects.flatMap((id) => tools.projectNames.get(id) ?? []);
  const textAndFacts = [prepared, ...decided.facts.map(prepareText)].join('\n');
  const segments = segmentText(prose);
  return {
    extraCharacters: collectExtraCharacters(`${decided.text}\n${decided.facts.join('\n')}`),
    links: indexAllowedLinks(
      decided.sources.map((s) => s.url),
      prepared,
    ),
    scripts: measureScripts(prepared),
    trace,
    facts: indexAllowedFacts(prose, tokens, factTokens),
    keyFacts: readKeyFacts(decided, tools, tokens),
    allowedProjects: allowedProjects(decided, [reading, ...factReadings]),
    allowedRecords: allowedRecords(decided, tools),
    vocabulary: buildVocabulary([textAndFacts, ...projectWords, ...agencyWords].join('\n'), decided.language),
    counts: countLines(prose),
    pairs: indexPairs(prose, segments, anchors, values, onlyProject),
    yearPairs: indexPairs(prose, segments, yearAnchors(tokens), values.filter(isYearBound), null),
    inferred: collectInferenceMarks(prose, segments, anchors, values),
    statements: collectStatements(prose, tokens, [...anchors, ...agencies], collectLinks(prose)),
    lineFacts: indexLineFacts(prose, tokens),
    directions: collectDirections(prose, tokens),
    lines,
  };
}
