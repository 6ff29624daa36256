/** The verdicts a text expresses (allowed, not allowed, unknown), read before and after negation. */
import { findAllMatches } from './findAllMatches.js';
import { blankSpans, matchSpans } from './looseText.js';
import { prepareText } from './extract.js';

/** A verdict a text expresses. */
export type VerdictSignal = 'allowed' | 'not_allowed' | 'unknown';

/** Overall verdict of a text: `mixed` when it expresses more than one, `none` when it expresses none. */
export type VerdictClass = VerdictSignal | 'mixed' | 'none';

const VERDICT_NEUTRAL = [
  /(?:허용|가능|불가능|허락|불허)\s*(?:여부|되는지|한지|하는지|할지|될지)/gu,
  // "확인할 수 있는 기록이 없어" speaks of the records, not of what is allowed.
  /(?:확인|판단|알)(?:할|될)\s*수\s*있는\s*(?:기록|자료|근거|정보|출처)/gu,
  /\bwhether\s+(?:or\s+not\s+)?(?:[\w'’]+\s+){0,5}?(?:is|are|was|were|would\s+be|will\s+be)\s+(?:allowed|permitted|possible|permissible)\b/gu,
  /\bwhether\s+(?:[\w'’]+\s+){0,4}?(?:can|may)\b/gu,
];
const VERDICT_PATTERNS: readonly (readonly [VerdictSignal, RegExp])[] = [
  [
    'unknown',
    /확인\s*불가|판단\s*불가|자료\s*없|판단할\s*수\s*(?:가\s*)?없|정보가\s*부족|알\s*수\s*(?:가\s*)?없|확인되지\s*(?:않|못)|확인할\s*수\s*(?:가\s*)?없|확인이\s*(?:어렵|안\s*됩|되지\s*않)|(?:정보|자료|내용)가\s*없|(?:정해지지|명시되지|나와\s*있지|나오지|규정되지|기록되어\s*있지)\s*않|찾지\s*못했|기록이\s*없|모릅니다|모르겠|불분명|불확실/gu,
  ],
  [
    'unknown',
    /\b(?:unknown|not\s+known|unclear|uncertain|not\s+sure|(?:cannot|can\s*not|can['’]t|could\s+not|couldn['’]t)\s+(?:be\s+)?(?:confirm|determin|verif|find|establish)\w*|not\s+(?:confirmed|specified|stated|determined|found|recorded|given|available\s+in)|no\s+(?:information|record)|no\s+source\s+(?:gives|states|names|says)|(?:do\s+not|don['’]t)\s+know)\b/gu,
  ],
  [
    'not_allowed',
    /불가(?![피결])(?:능)?|불허|(?:허용|허락|가능|인정)(?:되|하)?지\s*(?:않|못)|(?:허용|가능)이\s*안|(?:할|될|쓸|받을|맺을)\s*수\s*(?:는\s*|가\s*)?없|안\s*(?:됩니다|돼요|된다|돼|되며|되고)|(?:해서는|하면|되면)\s*안(?:\s*(?:됩니다|돼요|된다|돼|되며|되고))?|금지(?!급)|제외됩니다|어렵|힘들|곤란|(?:해당|적용)(?:하|되)?지\s*(?:않|못)|(?:해당|적용)\s*(?:대상이\s*)?아니|대상이\s*아니/gu,
  ],
  [
    'not_allowed',
    /\b(?:not\s+(?:be\s+)?(?:allowed|permitted|permissible|possible|eligible|able\s+to)|cannot|can\s+not|may\s+not|must\s+not|prohibited|forbidden|barred|banned|disallowed|impermissible|ineligible|impossible|not\s+an\s+option|hard\s+to|difficult\s+to|unlikely|(?:does|do|did)\s+not\s+(?:apply|qualify|hold)|not\s+(?:apply|qualify|covered|the\s+case))\b|\b\w+n['’]t\s+(?:be\s+)?(?:allowed|permitted|possible|eligible|apply|qualify|covered|hold)\b|\bcan['’]t\b|\bmustn['’]t\b/gu,
  ],
  ['not_allowed', /(?:^|[.!?]\s*)아니(?:요|오)|(?:^|[.!?]\s+)no\s*[,.!]/gu],
  [
    'allowed',
    /가능|허용|허락|(?:할|될|쓸|받을|맺을)\s*수\s*(?:도\s*)?있|해도\s*(?:됩니다|돼|된다|괜찮)|인정됩니다|(?:^|\s)(?:됩니다|돼요|돼)(?=[\s.!?,]|$)|(?:^|[.!?]\s*)(?:네|예)\s*[,.!]/gu,
  ],
  [
    'allowed',
    /\b(?:allowed|permitted|permissible|possible|eligible|can|may|yes|(?:is|are)\s+(?:ok(?:ay)?|fine))\b/gu,
  ],
];

/** Counts of each verdict a text states. */
export type VerdictCounts = Readonly<Record<VerdictSignal, number>>;

/**
 * How often a prepared text (see `prepareText`) states each verdict; negated and "whether …" forms are read
 * before the plain ones.
 */
export function countVerdictSignals(prepared: string): VerdictCounts {
  // The patterns are written in lower case: matching a lowered text is much faster than matching with /i.
  let work = prepared.toLowerCase();
  for (const neutral of VERDICT_NEUTRAL) work = blankSpans(work, matchSpans(findAllMatches(work, neutral)));
  const counts = { allowed: 0, not_allowed: 0, unknown: 0 };
  for (const [signal, pattern] of VERDICT_PATTERNS) {
    const matches = findAllMatches(work, pattern);
    if (matches.length === 0) continue;
    counts[signal] += matches.length;
    work = blankSpans(work, matchSpans(matches));
  }
  return counts;
}

/** Every verdict a text expresses. */
export function detectVerdictSignals(text: string): Set<VerdictSignal> {
  const counts = countVerdictSignals(prepareText(text));
  return new Set((['allowed', 'not_allowed', 'unknown'] as const).filter((signal) => counts[signal] > 0));
}

/** Conservative verdict of a text: a single verdict only when it expresses exactly one. */
export function classifyVerdict(text: string): VerdictClass {
  const signals = [...detectVerdictSignals(text)];
  if (signals.length === 0) return 'none';
  return signals.length === 1 ? (signals[0] ?? 'none') : 'mixed';
}
