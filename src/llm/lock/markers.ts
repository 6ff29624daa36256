/**
 * Qualifiers that turn a statement without touching its facts: negation, inference, certainty, hedging,
 * contrast, requirement, limitation, quantity and time. A rewording keeps the answer's negations one for
 * one and adds none of the others (inference marks: see inference.ts).
 */
import { findAllMatches } from '../facts/findAllMatches.js';

/** How a rewording's count of a qualifier compares with the answer's. */
type Rule = 'equal' | 'at_most';

interface QualifierClass {
  readonly name: QualifierName;
  readonly rule: Rule;
  readonly pattern: RegExp;
}

export type QualifierName =
  | 'negation'
  | 'exemption'
  | 'certainty'
  | 'hedge'
  | 'contrast'
  | 'requirement'
  | 'limitation'
  | 'more'
  | 'less'
  | 'quantity'
  | 'time';

/** Counts of each qualifier in a text. */
export type QualifierCounts = Readonly<Record<QualifierName, number>>;

const KO_NEGATION = String.raw`않|(?<![가-힣])못|없|아니|아닌|아님|아닙|(?<![가-힣])안(?=\s*(?:돼|되|됨|됩|된|될))|불(?:가|허|충족|인정|확실|분명|포함|명확)|미(?:확인|충족|정|상|포함|기재|공개|반영|지정)|금지|제외|배제|무관|빠[지진져졌]|비대면|비공개|비대상|비적용|비해당`;
const EN_NEGATION = String.raw`\bnot\b|n['’]t\b|\bno\b|\bnone\b|\bnever\b|\bnor\b|\bneither\b|\bwithout\b|\bcannot\b|\bunknown\b|\bunclear\b|\bunable\b|\bimpossible\b|\bprohibit\w*|\bforbid\w*|\bbarred\b|\bbann?(?:ed|s)?\b|\bexclud\w*|\bineligible\b|\bdisallow\w*|\bregardless\b|\bnowhere\b|\bnothing\b|\bunrecorded\b|\bmissing\b|\black(?:s|ing)?\b|\babsent\b|\bleft out\b`;

const CLASSES: readonly QualifierClass[] = [
  { name: 'negation', rule: 'equal', pattern: new RegExp(`${KO_NEGATION}|${EN_NEGATION}`, 'gu') },
  {
    // A requirement lifted ("need not fail", "필요는 없습니다") turns a rule around while the negations still balance.
    name: 'exemption',
    rule: 'at_most',
    pattern:
      /필요\s*(?:는|가|도)?\s*(?:없|않)|(?:지|야)\s*않아도\s*(?:되|됩|돼|된)|안\s*해도\s*(?:되|됩|돼|된)|\bneed\s+not\b|\bneedn['’]t\b|\bno\s+need\b|\b(?:does|do|did)\s+not\s+(?:need|have)\s+to\b|\b(?:doesn|don|didn)['’]t\s+(?:need|have)\s+to\b|\bnot\s+(?:required|necessary|needed|mandatory)\b/gu,
  },
  {
    name: 'certainty',
    rule: 'at_most',
    pattern:
      /확정|확실|분명|틀림없|명백|공식|확인(?:됐|되었|된|됨|됩|했|하였|되어|돼|되며|되고)|\bconfirm(?:ed|s|ation)?\b|\bcertain(?:ly|ty)?\b|\bdefinite(?:ly)?\b|\bofficial(?:ly)?\b|\bverified\b|\bguarantee[ds]?\b|\bsurely\b|\bclearly\b|\bundoubtedly\b|\bindeed\b|\bactually\b|\bin fact\b|\bfinal(?:ly|ised|ized)?\b/gu,
  },
  {
    name: 'hedge',
    rule: 'at_most',
    pattern:
      /보이|보입|보인|보여|(?<![가-힣])듯|아마|가능성|예상|전망|짐작|어렵|힘들|곤란|단정|\blikely\b|\bunlikely\b|\bprobabl\w*|\bpossibly\b|\bperhaps\b|\bmaybe\b|\bmight\b|\bseem(?:s|ed|ingly)?\b|\bappear(?:s|ed)?\b|\bapparently\b|\bestimat\w*|\bexpected\b|\bsuggests?\b|\bhard\b|\bdifficult\w*|\bdoubt\w*|\bassum\w*/gu,
  },
  {
    name: 'contrast',
    rule: 'at_most',
    pattern:
      /지만|그러나|하지만|다만|그런데|반면|(?<![가-힣])단(?=\s*,)|예외|오히려|그럼에도|\bbut\b|\bhowever\b|\balthough\b|\bthough\b|\bexcept\w*|\bunless\b|\bwhereas\b|\byet\b|\bnevertheless\b|\bnonetheless\b|\binstead\b|(?:으나|[었았였했됐있없]으?나)(?=[\s,])/gu,
  },
  {
    name: 'requirement',
    rule: 'at_most',
    pattern:
      /(?:돼|되어|해|하여|어|아|여|져|워)야(?:만|지)?(?![가-힣])|야\s*(?:하|합|한|함|할|해)|필요|반드시|(?<![가-힣])꼭(?![가-힣])|의무|요건|\bmust\b|\bneed(?:s|ed)?\b|\brequir\w*|\bha(?:ve|s|d) to\b|\bshould\b|\bnecessar\w*|\bmandatory\b|\bobligat\w*/gu,
  },
  {
    name: 'limitation',
    rule: 'equal',
    pattern:
      /뿐|오직|단지|그치|그칩|그친|그쳐|불과|(?<=[가-힣])(?<![미다지])만(?=[\s,.)]|으로|이|을|은|에|$)|\bonly\b|\bsolely\b|\bjust\b|\bmerely\b|\bexclusively\b/gu,
  },
  {
    name: 'more',
    rule: 'at_most',
    pattern:
      /초과|넘(?:는|어|게|었|긴|을)|이상(?!한)|증가|늘(?:었|어|린|려|어난)|\bover\b|\babove\b|\bmore\b|\bexceed\w*|\bat least\b|\bincreas\w*|\bgrew\b|\brose\b/gu,
  },
  {
    name: 'less',
    rule: 'at_most',
    pattern:
      /미만|이하|감소|줄(?:었|어|인|여|어든)|\bunder(?=\s+(?:krw\s*|₩\s*)?\d)|\bbelow\b|\bless\b|\bfewer\b|\bat most\b|\bup to\b|\bdecreas\w*|\bfell\b/gu,
  },
  {
    name: 'quantity',
    rule: 'at_most',
    pattern:
      /(?:\d|두|세|네|몇)\s*배(?![정치포제분경송달])|절반|(?<![가-힣])반(?=\s|$|[으이을은의])|(?<![가-힣])약(?=\s*\d)|대략|가량|정도|최대|최소|(?<![가-힣])각(?=\s)|각각|전년|작년|지난해|올해|내년|연말|연초|상반기|하반기|분기|\btwice\b|\bdoubl\w*|\btripl\w*|\bhalf\b|\bhalved\b|\baround\b|\bapproximately\b|\broughly\b|\bnearly\b|\balmost\b|\bevery\b|\beach\b|\bper\b|\bmajority\b|\bmost\b|\byear-end\b|\blast year\b|\bprevious year\b|\bnext year\b|\bthis year\b/gu,
  },
  {
    name: 'time',
    rule: 'at_most',
    pattern:
      /연장|까지|이후|부터|종료|만료|지속|유지|\buntil\b|\btill\b|\bextend\w*|\bextension\w*|\bexpir\w*|\bdeadline\b|\bafter\b|\bbefore\b|\bsince\b|\bstill\b|\bonwards?\b/gu,
  },
];

/** The top-level alternatives of a pattern source ("a|(b|c)|d" → "a", "(b|c)", "d"). */
function splitAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let index = 0; index < source.length; index += 1) {
    const char = source.charAt(index);
    if (char === '\\') index += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === '|' && depth === 0) {
      parts.push(source.slice(start, index));
      start = index + 1;
    }
  }
  return [...parts, source.slice(start)];
}

/**
 * Each class as one pattern for Hangul words and one for Latin ones: V8 matches a single-script alternation
 * several times faster than a mixed one.
 */
const SPLIT_CLASSES = CLASSES.map(({ name, pattern }) => {
  const parts = splitAlternatives(pattern.source);
  const hangul = parts.filter((part) => /[가-힣]/u.test(part.replace(/\[[^\]]*\]/gu, '')));
  const latin = parts.filter((part) => !hangul.includes(part));
  const compile = (alternatives: string[]) =>
    alternatives.length === 0 ? null : new RegExp(alternatives.join('|'), pattern.flags);
  return { name, hangul: compile(hangul), latin: compile(latin) };
});

/** Counts each qualifier in a prepared text (see `prepareText`); the patterns are written in lower case. */
export function countQualifiers(prepared: string): QualifierCounts {
  const lower = prepared.toLowerCase();
  const hasHangul = /[가-힣]/u.test(lower);
  const hasLatin = /[a-z]/u.test(lower);
  const counts = {} as Record<QualifierName, number>;
  for (const { name, hangul, latin } of SPLIT_CLASSES) {
    counts[name] =
      (hasHangul && hangul !== null ? findAllMatches(lower, hangul).length : 0) +
      (hasLatin && latin !== null ? findAllMatches(lower, latin).length : 0);
  }
  return counts;
}

/**
 * The first qualifier the rewording adds, or the negation it drops, or null.
 * Certainty words are judged only where something is inferred or unknown: elsewhere they state nothing new.
 */
export function findChangedQualifier(
  template: QualifierCounts,
  candidate: QualifierCounts,
  isAllConfirmed: boolean,
): { name: QualifierName; detail: string } | null {
  for (const { name, rule } of CLASSES) {
    if (name === 'certainty' && isAllConfirmed) continue;
    const had = template[name];
    const has = candidate[name];
    // One added contrast ("다만", "but") may join two statements; more would change what they say.
    const allowance = name === 'contrast' ? 1 : 0;
    const added = has > had + allowance;
    const dropped = has < had && rule === 'equal';
    if (added || dropped) {
      return { name, detail: `${name} words: ${has} in the rewording, ${had} in the answer` };
    }
  }
  return null;
}
