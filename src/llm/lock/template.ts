/**
 * Everything the lock reads from a decided answer, read once per answer and kept by the lock of its
 * knowledge base (the same answer is decided again and again).
 */
import { compactText, toLooseText } from '../facts/looseText.js';
import { prepareText } from '../facts/extract.js';
import type { FactToken } from '../facts/tokens.js';
import { countVerdictSignals, type VerdictCounts } from '../facts/verdicts.js';
import type { DecidedAnswer } from '../types.js';
import { collectExtraCharacters } from './characters.js';
import { indexAllowedFacts, isKeyTokenPresent, type AllowedFacts } from './factCheck.js';
import { measureScripts, type ScriptShares } from './language.js';
import { indexAllowedLinks, type AllowedLinks } from './links.js';
import { countQualifiers, type QualifierCounts } from './markers.js';
import type { MentionFinder } from './mentions.js';
import {
  collectInferredItems,
  collectValues,
  indexPairs,
  isYearBound,
  yearAnchors,
  type PairIndex,
} from './pairing.js';
import { segmentText } from './segments.js';
import { blankTraceLines, findTraceSlots, type TraceSlots } from './traceLines.js';
import { buildVocabulary, type Vocabulary } from './vocabulary.js';

/** What the lock derives from a knowledge base once. */
export interface LockTools {
  /** Fact extraction with every project name masked; takes prepared text. */
  readonly extract: (prepared: string) => FactToken[];
  /** Projects and extension periods: the names facts belong to. */
  readonly anchors: MentionFinder;
  readonly agencies: MentionFinder;
  readonly projectNames: ReadonlyMap<string, readonly string[]>;
  readonly agencyNames: ReadonlyMap<string, readonly string[]>;
  /** Project names distinctive enough to spot in prose (full names and longer Korean aliases). */
  readonly distinctive: readonly { readonly name: string; readonly compact: string }[];
  /** Every project name as {@link lettersOnly} writes it: a key fact equal to one is a name. */
  readonly nameKeys: ReadonlySet<string>;
}

/** A key fact, read once: its tokens, or its letters when it is a name. */
export interface KeyFact {
  readonly text: string;
  readonly tokens: readonly FactToken[];
  readonly letters: string;
  readonly isName: boolean;
}

export interface TemplateProfile {
  readonly extraCharacters: ReadonlySet<string>;
  readonly links: AllowedLinks;
  readonly scripts: ScriptShares;
  readonly trace: TraceSlots;
  readonly facts: AllowedFacts;
  readonly keyFacts: readonly KeyFact[];
  /** Compact names of the projects the answer may name. */
  readonly allowedProjects: ReadonlySet<string>;
  readonly vocabulary: Vocabulary;
  readonly verdicts: VerdictCounts;
  readonly qualifiers: QualifierCounts;
  readonly pairs: PairIndex;
  /** Which amounts and counts the answer states with which year ("2020년 … 1,076억원"). */
  readonly yearPairs: PairIndex;
  readonly inferred: readonly string[];
}

/** Letters and digits only, lower case: "정부24 … 구축 (신규)" and "정부24…구축(신규)" compare equal. */
export function lettersOnly(text: string): string {
  return prepareText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function allowedProjects(decided: DecidedAnswer, tools: LockTools, textAndFacts: string): Set<string> {
  const allowed = new Set(
    decided.projects.flatMap((id) => tools.projectNames.get(id) ?? []).map(compactText),
  );
  const source = toLooseText(textAndFacts);
  for (const { compact } of tools.distinctive) {
    if (source.compact.includes(compact)) allowed.add(compact);
  }
  return allowed;
}

/** The key facts the template's prose states (a key fact "11" is not stated by "112억원"; the trace is optional). */
function readKeyFacts(decided: DecidedAnswer, tools: LockTools, textTokens: readonly FactToken[]): KeyFact[] {
  const textLetters = lettersOnly(decided.text);
  return decided.keyFacts
    .map((text) => {
      const tokens = tools.extract(prepareText(text));
      const letters = lettersOnly(text);
      return { text, tokens, letters, isName: tools.nameKeys.has(letters) || tokens.length === 0 };
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
  const tokens = tools.extract(prose);
  const factTokens = decided.facts.flatMap((fact) => tools.extract(prepareText(fact)));
  const loose = toLooseText(prose);
  const anchors = tools.anchors.find(loose);
  const agencies = tools.agencies.find(loose);
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
    facts: indexAllowedFacts(tokens, factTokens),
    keyFacts: readKeyFacts(decided, tools, tokens),
    allowedProjects: allowedProjects(decided, tools, textAndFacts),
    vocabulary: buildVocabulary([textAndFacts, ...projectWords, ...agencyWords].join('\n'), decided.language),
    verdicts: countVerdictSignals(prose),
    qualifiers: countQualifiers(prose),
    pairs: indexPairs(prose, segments, anchors, values, onlyProject),
    yearPairs: indexPairs(prose, segments, yearAnchors(tokens), values.filter(isYearBound), null),
    inferred: collectInferredItems(prose, segments, anchors, values),
  };
}
