import { addsVat, extractAmounts, VAT_RATE, type AmountMention } from '../../reading/amounts.js';
import { formatWon } from '../../ruleAnswer.js';
import { nearestCueBefore, saysPlainly } from './cues.js';
import { finishReading, startReading, type InputDraft, type InputReading } from './types.js';
import { readExceptionGround } from './large-company-exception.js';

/** The company tiers of knowledge/rules.yaml's large-company decision. */
export type CompanyTier = 'group' | 'large-8000-plus' | 'large-under-8000' | 'large' | 'new-midsize' | 'sme';

/** Sales of 8,000억원 split large companies into two floors (guideline Annex 1). */
const SALES_SPLIT_KRW = 8e11;

const GROUP =
  /상호\s*출자|상출제|상출\s*(?:기업|계열|그룹|집단|소속|사)|기업\s*집단|계열사|재벌|business\s+groups?|restricted\s+groups?|conglomerates?|chaebols?|affiliat(?:e|es|ed)\b|cross-?\s?shareholding/gu;
const MIDSIZE = /중견|mid-?\s?sized?|midsize|middle-?\s?market/gu;
/** A small company; not a project kept for small companies ("중소 SW사업", "SME-only project") nor the guideline ("중소SW사업자 지침"). */
const SME =
  /중소(?!\s*(?:sw\s*|소프트웨어\s*)?(?:사업(?!자)|과제|프로젝트|용\s*사업|사업자\s*(?:의\s*)?(?:사업\s*)?참여\s*지원|사업자\s*(?:의\s*)?(?:사업\s*)?(?:참여\s*)?(?:지원\s*)?지침))|(?<![a-z])smes?\b(?![\s-]+(?:only\s+)?(?:projects?|contracts?|work)\b)|small\s+(?:and\s+medium|company|companies|firm|firms|business|businesses)|startup|스타트업|벤처/gu;
const LARGE =
  /대기업|대형\s*(?:sw\s*|it\s*)?(?:기업|업체|사업자|회사|sw사)|large\s+(?:[\w-]+\s+){0,2}?(?:company|companies|firm|firms|enterprise|enterprises|corporation|corporations|vendor|vendors|contractor|contractors|business|businesses)\b|big\s+(?:[\w-]+\s+)?(?:company|companies|firm|firms)\b|major\s+(?:company|companies|firm|firms)\b/gu;

/** Words before an amount that say whose it is. */
const LEFT_CUES: readonly { role: AmountRole; pattern: RegExp }[] = [
  { role: 'sales', pattern: /연\s*매출|매출\s*액?|sales|revenue|turnover/gu },
  {
    role: 'project',
    pattern:
      /사업\s*(?:금액|비|예산|규모)?(?!자)|추정\s*가(?:격)?|기초\s*금액|예정\s*가격|발주|계약\s*금액|과업|용역|입찰|예산|금액|project|contract|tender|bid|job|gig|budget|price|worth|valued\s+at/gu,
  },
];
/** Words after an amount that stand between it and the noun it belongs to. */
const FILLER_AFTER =
  /^(?:\s*(?:원|won|krw|짜리|규모의?|상당의?|정도의?|가량의?|쯤|대의?|이상의?|이하의?|미만의?|초과의?|넘는|넘|의|인|급|\([^)]*\)|worth|annual|yearly|of))*\s*/u;
const SALES_NOUN =
  /^(?:(?:연\s*)?매출|회사|기업|대기업|중견|중소|업체|사업자|법인|계열사|그룹|sw\s*(?:기업|사업자|회사)|company|companies|firm|corporation|enterprise|business(?!\s+group)|vendor|conglomerate|in\s+(?:annual\s+)?(?:sales|revenue|turnover)|(?:annual\s+)?(?:sales|revenue|turnover))/u;
const PROJECT_NOUN =
  /^(?:사업(?!자)|과업|프로젝트|용역|발주|계약|입찰|공사|project|contract|tender|job|gig|deal|bid|order)/u;
const ESTIMATED_PRICE = /추정\s*가(?:격)?|estimated\s+(?:price|cost|value)/u;

type AmountRole = 'sales' | 'project';
/** How an amount is bounded: "8,000억 이상", "80억 넘는", "under 800 billion", "50억 미만". */
type AmountBound = 'exact' | 'at-least' | 'over' | 'at-most' | 'below';

const BOUND_AFTER: readonly [RegExp, AmountBound][] = [
  [/^\s*(?:원|won|krw)?\s*(?:이상|or\s+more|and\s+up|plus)/u, 'at-least'],
  [/^\s*(?:원|won|krw)?\s*(?:[이가]\s*)?(?:넘는|넘어|넘게|넘|초과)/u, 'over'],
  [/^\s*(?:원|won|krw)?\s*(?:이하|or\s+less)/u, 'at-most'],
  [/^\s*(?:원|won|krw)?\s*(?:미만|[이가]?\s*안\s*되)/u, 'below'],
];
const BOUND_BEFORE: readonly [RegExp, AmountBound][] = [
  [/(?:at\s+least|minimum\s+of)\s+$/u, 'at-least'],
  [/(?:more\s+than|over|above|exceeding)\s+$/u, 'over'],
  [/(?:up\s+to|at\s+most|no\s+more\s+than)\s+$/u, 'at-most'],
  [/(?:under|less\s+than|below)\s+$/u, 'below'],
];

interface RoledAmount {
  readonly amount: AmountMention;
  readonly role: AmountRole | 'threshold' | null;
  readonly bound: AmountBound;
  readonly estimatedPrice: boolean;
  /** The amount with VAT, as the question restated or added it: no VAT is added again. */
  readonly vatIncluded?: boolean;
}

/** A floor named just after the amount: "given the 80억 floor", "80억 하한". */
const FLOOR_AFTER = /^(?:floor|threshold|minimum|lower\s+limit|하한|하한선|참여\s*하한)/u;

/** Sales named just before an amount, with at most a bound between ("매출 1조", "sales over KRW 800 billion"). */
const SALES_RIGHT_BEFORE =
  /(?:연\s*매출\s*액?|매출\s*액?|\bsales|\brevenue|\bturnover)\s*(?:이|가|은|는|of|is|are|over|above|exceeding|of\s+over|more\s+than|at\s+least|under|below|less\s+than|around|about|approx(?:imately)?)?\s*(?:krw|₩)?\s*$/u;

/** The words just before a floor the asker quotes ("하한 40억", "the floor of 80억"). */
const FLOOR_BEFORE =
  /(?:하한|하한선|하한\s*금액|참여\s*하한|제한\s*금액|floor|threshold|minimum)\s*(?:이|가|은|는|인|of|is|at)?\s*(?:krw|₩)?\s*$/u;

function boundOf(text: string, amount: AmountMention): AmountBound {
  const end = amount.index + amount.text.length;
  const after = text.slice(end, end + 16);
  const before = text.slice(Math.max(0, amount.index - 24), amount.index);
  for (const [pattern, bound] of BOUND_BEFORE) if (pattern.test(before)) return bound;
  for (const [pattern, bound] of BOUND_AFTER) if (pattern.test(after)) return bound;
  return 'exact';
}

/**
 * Whose amount this is, by the noun it qualifies ("79억원 사업", "1조원 규모 회사", "500 billion
 * won in sales") or else the nearest cue before it ("매출 1조", "project of KRW 7 billion").
 * A bounded amount with neither ("80억 이상이어야") is a threshold the question talks about.
 */
function roleOf(text: string, amount: AmountMention, floor: number): RoledAmount {
  const end = amount.index + amount.text.length;
  const rest = text.slice(end);
  const noun = rest.slice(FILLER_AFTER.exec(rest)?.[0].length ?? 0);
  const bound = boundOf(text, amount);
  const left = text.slice(Math.max(floor, amount.index - 24), amount.index);
  const estimatedPrice = ESTIMATED_PRICE.test(left);
  // "하한 40억 때문에 못 들어가나요?", "the 80억 floor": the rule's own figure, quoted.
  if (FLOOR_BEFORE.test(left) || FLOOR_AFTER.test(noun))
    return { amount, role: 'threshold', bound, estimatedPrice };
  // "sales over 800 billion won bid on …": sales named right before the amount; "bid" after it is the verb.
  if (SALES_RIGHT_BEFORE.test(left)) return { amount, role: 'sales', bound, estimatedPrice };
  let role: RoledAmount['role'] = PROJECT_NOUN.test(noun)
    ? 'project'
    : SALES_NOUN.test(noun)
      ? 'sales'
      : null;
  if (role === null)
    role = (nearestCueBefore(text, amount.index, floor, LEFT_CUES)?.role as AmountRole | undefined) ?? null;
  if (role === null && bound !== 'exact') role = 'threshold';
  return { amount, role, bound, estimatedPrice };
}

function roleAll(text: string, amounts: readonly AmountMention[]): RoledAmount[] {
  let floor = 0;
  let previous: RoledAmount | null = null;
  return amounts.map((amount) => {
    // "하한 80억/40억": a figure listed right after a quoted floor is a floor too.
    const listed =
      previous?.role === 'threshold' &&
      /^\s*(?:[/·,]|과|와|및|랑|or|and)\s*$/u.test(text.slice(floor, amount.index));
    const roled: RoledAmount = listed
      ? { amount, role: 'threshold', bound: boundOf(text, amount), estimatedPrice: false }
      : roleOf(text, amount, floor);
    floor = amount.index + amount.text.length;
    previous = roled;
    return roled;
  });
}

function tierFromSales(krw: number, bound: AmountBound): CompanyTier {
  switch (bound) {
    case 'exact':
      return krw >= SALES_SPLIT_KRW ? 'large-8000-plus' : 'large-under-8000';
    case 'at-least':
    case 'over':
      return krw >= SALES_SPLIT_KRW ? 'large-8000-plus' : 'large';
    case 'at-most':
      return krw < SALES_SPLIT_KRW ? 'large-under-8000' : 'large';
    case 'below':
      return krw <= SALES_SPLIT_KRW ? 'large-under-8000' : 'large';
  }
}

/**
 * The tier the question describes, negations honoured ("상호출자제한기업집단은 아님", "not a
 * chaebol affiliate"). A stated sales figure places a large company on its floor.
 */
/** Words of a second firm in the project: a subcontract, a consortium, the prime contractor. */
const TWO_FIRMS =
  /하도급|하청|컨소시엄|공동\s*수급|공동\s*도급|원도급|주관사|subcontract|consortium|joint\s+(?:bid|venture)|prime\s+contractor|\blead\b/u;

function readTier(text: string, sales: RoledAmount | null): CompanyTier | null {
  if (saysPlainly(text, GROUP)) return 'group';
  if (saysPlainly(text, MIDSIZE)) return 'new-midsize';
  if (saysPlainly(text, SME)) {
    // "중소기업이 30억 사업 따고 매출 5천억 대기업한테 하도급 줘도 돼?", "a consortium with an SME": two
    // firms, and the limit is asked of the large one.
    const large =
      sales !== null
        ? tierFromSales(sales.amount.krw, sales.bound)
        : saysPlainly(text, LARGE)
          ? 'large'
          : null;
    return large !== null && large !== 'sme' && TWO_FIRMS.test(text) ? large : 'sme';
  }
  if (sales !== null) return tierFromSales(sales.amount.krw, sales.bound);
  if (saysPlainly(text, LARGE)) return 'large';
  return null;
}

const distinct = (amounts: readonly RoledAmount[]) => new Set(amounts.map((a) => a.amount.krw)).size;

/** True when the question says the amount excludes VAT (부가세 별도, excluding VAT). */
export function saysVatExcluded(text: string): boolean {
  return /(?:부가세|부가가치세|vat)\s*(?:별도|제외|미포함|불포함|빼고|뺀|빠진|안\s*들어간|안\s*포함)|(?:excluding|excl\.?|before|without|ex)\s+vat|vat\s+(?:excluded|not\s+included|exclusive)/u.test(
    text,
  );
}

function saysVatIncluded(text: string): boolean {
  return (
    !asksAboutVat(text) &&
    /(?:부가세|부가가치세|vat)\s*(?:포함|included|incl|inclusive)|(?:including|incl\.?|inc\.?|with)\s+vat/u.test(
      text,
    )
  );
}

/** "VAT 포함이야 별도야?", "is VAT included or not?": the asker asks which, and says neither. */
function asksAboutVat(text: string): boolean {
  return /(?:포함|included)\s*(?:이야|이에요|인지|이냐|인가요?|야|이나)?\s*(?:,|아니면|or)?\s*(?:별도|제외|불포함|excluded|not)/u.test(
    text,
  );
}

/**
 * The tier, and the sales figure if the question gave one, for callers that pick the project
 * amount themselves. Prefer `readLargeCompanyInputs`, which decides the project amount by role.
 */
export function extractCompanyTier(
  text: string,
  amounts: readonly AmountMention[],
): { tier: CompanyTier | null; salesKrw: number | null } {
  const sales = roleAll(text, amounts).find((a) => a.role === 'sales') ?? null;
  return { tier: readTier(text, sales), salesKrw: sales?.amount.krw ?? null };
}

function writeProjectAmount(draft: InputDraft, text: string, project: RoledAmount): void {
  const vatExcluded = project.vatIncluded !== true && saysVatExcluded(text);
  // 추정가격 is the price before VAT by definition (국가계약법 시행령 제2조); the floors count VAT.
  const estimatedOnly =
    project.vatIncluded !== true && !vatExcluded && project.estimatedPrice && !saysVatIncluded(text);
  const factor = vatExcluded || estimatedOnly ? 1 + VAT_RATE : 1;
  const krw = Math.round(project.amount.krw * factor);
  const written = project.amount.text;
  switch (project.bound) {
    case 'exact':
    case 'at-least':
      draft.values['amountKrw'] = krw;
      break;
    case 'over':
      draft.values['amountKrw'] = krw + 1;
      break;
    case 'at-most':
    case 'below':
      // Every amount up to the bound: the verdict stands only if the smallest and largest agree.
      draft.alternatives.push({ amountKrw: project.bound === 'below' ? krw - 1 : krw }, { amountKrw: 1 });
      break;
  }
  // A VAT-added amount is shown as the question's amount plus VAT, never as a figure nobody wrote.
  draft.display['amountKrw'] = factor === 1 ? written : `${written} + VAT 10%`;
  if (vatExcluded)
    draft.notes.push({ key: 'rule.vatNote', values: { amount: written, total: formatWon(krw, 'ko') } });
  else if (estimatedOnly)
    draft.notes.push({
      key: 'rule.estimatedPriceNote',
      values: { amount: written, total: formatWon(krw, 'ko') },
    });
  else draft.notes.push({ key: 'rule.amountAsked', values: { amount: written } });
}

const REQUIRED = ['companyTier', 'amountKrw'] as const;

/** A project named as one the floor keeps large firms out of. */
const BELOW_FLOOR_PROJECT =
  /restricted\s+(?:sw\s+)?projects?|projects?\s+(?:below|under)\s+the\s+floor|(?:참여\s*)?제한\s*(?:대상\s*)?사업|하한\s*(?:금액\s*)?미만\s*(?:인\s*)?사업/u;

/** The words just before an amount that make it the VAT ("VAT is 3.8억", "부가세 3.8억"). */
const VAT_BEFORE = /(?:vat|부가세|부가가치세)\s*(?:is|of|amount|는|은|가|이|:|=)?\s*(?:krw|₩)?\s*$/u;

/** The words just before an amount that say it includes VAT ("부가세 포함하면 40억", "with VAT it's 41억"). */
const VAT_INCLUDED_BEFORE =
  /(?:부가세|부가가치세|vat)\s*(?:를|을)?\s*(?:포함|included|inclusive|incl\.?|붙이|붙여|더하|더해|얹|넣)\s*(?:하면|하면은|시|해서|해도|으로|로|가|이|은|는|면|서)?\s*(?:약|대략)?\s*$|(?:including|incl\.?|with|adding|plus)\s+(?:the\s+)?vat(?:\s+added)?,?\s*(?:it'?s|it\s+is|that'?s|comes\s+to|is)?\s*(?:about|around|roughly|over|above)?\s*(?:krw|₩)?\s*$/u;

/**
 * "Estimated price 75억, so 82.5억 with VAT": the second amount is the first with VAT added, not
 * another one. The one with VAT is kept as the project amount; sales are never paired.
 */
function withoutVatRestatement(roled: RoledAmount[], text: string): RoledAmount[] {
  const candidates = roled.filter((a) => a.role !== 'sales');
  // "estimated price 38억 and VAT 3.8억", "추정가격 38억, 부가세 3.8억": the VAT written out is added.
  for (const vat of candidates) {
    if (!VAT_BEFORE.test(text.slice(Math.max(0, vat.amount.index - 14), vat.amount.index))) continue;
    const base = candidates.find(
      (a) => a !== vat && Math.abs(a.amount.krw * VAT_RATE - vat.amount.krw) <= a.amount.krw * 0.0005,
    );
    if (base === undefined) continue;
    const total: AmountMention = {
      ...base.amount,
      krw: base.amount.krw + vat.amount.krw,
      text: `${base.amount.text} + VAT ${vat.amount.text}`,
    };
    // "…, VAT 370 million, so 4.07 billion with VAT": the total said again is the same amount.
    const restated = (a: RoledAmount) =>
      a !== base && a.role !== 'sales' && Math.abs(a.amount.krw - total.krw) <= total.krw * 0.005;
    return roled
      .filter((a) => a !== vat && !restated(a))
      .map((a) =>
        a === base
          ? { ...a, amount: total, role: 'project' as const, estimatedPrice: false, vatIncluded: true }
          : a,
      );
  }
  // "추정가격 37억인데 부가세 포함하면 40억 넘는데": the amount said with VAT is the project amount,
  // when the other is the price it restates (within the 10% VAT).
  for (const withVat of candidates) {
    if (!VAT_INCLUDED_BEFORE.test(text.slice(Math.max(0, withVat.amount.index - 24), withVat.amount.index)))
      continue;
    const base =
      candidates.find(
        (a) =>
          a !== withVat &&
          a.amount.krw <= withVat.amount.krw * 1.0005 &&
          a.amount.krw * (1 + VAT_RATE) >= withVat.amount.krw * 0.9995,
      ) ??
      candidates.find(
        (a) =>
          a !== withVat &&
          a.amount.krw < withVat.amount.krw &&
          a.amount.krw * (1 + VAT_RATE) >= withVat.amount.krw,
      );
    if (base === undefined) continue;
    return roled
      .filter((a) => a !== base)
      .map((a) =>
        a === withVat ? { ...a, role: 'project' as const, estimatedPrice: false, vatIncluded: true } : a,
      );
  }
  for (const base of candidates) {
    const withVat = candidates.find((a) => a !== base && addsVat(base.amount.krw, a.amount.krw));
    if (withVat !== undefined)
      return roled
        .filter((a) => a !== base)
        .map((a) =>
          a === withVat ? { ...a, role: 'project' as const, estimatedPrice: false, vatIncluded: true } : a,
        );
  }
  return roled;
}

/** Significant digits of an amount in won: 805 billion has 3, 800 billion 1. */
const significantDigits = (krw: number) => String(krw).replace(/0+$/u, '').length;

/**
 * "just over 800 billion — like 805 billion", "팔천억 살짝 안 돼요(7,950억)", "a bit under 8 billion —
 * 7.9 billion": two amounts of one role within 3% of each other are one figure said twice; the more
 * precise one is kept.
 */
function withoutApproximations(roled: RoledAmount[]): RoledAmount[] {
  const near = (a: RoledAmount, b: RoledAmount) =>
    a.amount.krw !== b.amount.krw &&
    Math.abs(b.amount.krw - a.amount.krw) <= 0.03 * Math.max(a.amount.krw, b.amount.krw);
  // A figure with no cue of its own ("— like 805 billion", "(7,950억)") restates a cued one next to it.
  const sameFigure = (a: RoledAmount, b: RoledAmount) =>
    near(a, b) && (a.role === b.role || a.role === null || b.role === null);
  const kept = roled.filter(
    (a) =>
      !roled.some(
        (b) =>
          b !== a &&
          sameFigure(a, b) &&
          (a.role !== null || b.role !== null) &&
          significantDigits(b.amount.krw) > significantDigits(a.amount.krw),
      ),
  );
  // The precise figure kept takes the role of the one it restates.
  return kept.map((a) => {
    if (a.role !== null) return a;
    const cued = roled.find((b) => b !== a && b.role !== null && sameFigure(a, b));
    return cued ? { ...a, role: cued.role, bound: 'exact' as const } : a;
  });
}

/**
 * Reads the large-company decision's inputs: `companyTier` (rules.yaml's tiers), `amountKrw`
 * (the project amount with VAT), and `salesKrw` (the company's sales, when given). Each amount's
 * role comes from its cue words, never from where it stands: "79억원 사업에 매출 1조원 대기업"
 * is a 79억 project and 1조 of sales. A lone amount with no cue is the project's; amounts whose
 * role no cue decides are `unclear`.
 */
export function readLargeCompanyInputs(text: string): InputReading {
  const draft = startReading();
  const roled = withoutApproximations(withoutVatRestatement(roleAll(text, extractAmounts(text)), text));
  const impossible = roled.some(
    (a) => !Number.isFinite(a.amount.krw) || /[-−]$/u.test(text.slice(0, a.amount.index).trimEnd()),
  );
  if (impossible) draft.unclear.push({ input: 'amountKrw', reason: 'impossible' });

  const sales = roled.filter((a) => a.role === 'sales');
  const projects = roled.filter((a) => a.role === 'project');
  const loose = roled.filter((a) => a.role === null);
  const strayCue = sales.length === 0 && /매출|sales|revenue|turnover/u.test(text);
  if (loose.length === 1 && projects.length === 0 && !strayCue)
    projects.push({ ...loose[0]!, role: 'project' });
  else if (loose.length > 0) draft.unclear.push({ input: 'amountKrw', reason: 'amount-role' });

  if (distinct(sales) > 1) draft.unclear.push({ input: 'salesKrw', reason: 'several-values' });
  const salesFigure = distinct(sales) === 1 ? sales[0]! : null;
  if (salesFigure !== null) {
    draft.values['salesKrw'] = salesFigure.amount.krw;
    draft.display['salesKrw'] = salesFigure.amount.text;
  }
  const tier = readTier(text, salesFigure);
  if (tier !== null) draft.values['companyTier'] = tier;

  if (distinct(projects) > 1) draft.unclear.push({ input: 'amountKrw', reason: 'several-values' });
  else if (projects.length > 0 && !draft.unclear.some((u) => u.input === 'amountKrw'))
    writeProjectAmount(draft, text, projects[0]!);
  else if (projects.length === 0 && BELOW_FLOOR_PROJECT.test(text) && !/exception|예외/u.test(text)) {
    // "a restricted project", "참여제한 사업": one below the floor, whatever the floor is.
    draft.values['amountKrw'] = 1;
    draft.display['amountKrw'] = BELOW_FLOOR_PROJECT.exec(text)![0];
  }
  readExceptionGround(text, draft);
  draft.asked =
    tier !== null || projects.length > 0 || salesFigure !== null || draft.values['exceptionGround'] === true;
  return finishReading(draft, REQUIRED);
}
