import type { Topic } from '../../knowledge/schema.js';
import type { AnswerBuilder } from '../compose.js';
import { hasPhrase, type NormalizedText } from '../text.js';
import type { Answer } from '../types.js';

type Claim = Topic['claims'][number];

/** The topic's claim whose every group of phrases the question has, if one does. */
export function findClaim(topic: Topic, norm: NormalizedText, today: string): Claim | undefined {
  // Whose act is asked, read only for a topic with a claim about one side.
  const side = topic.claims.some((c) => c.side !== undefined) ? sideAsked(norm.spaced) : null;
  return topic.claims.find(
    (claim) =>
      (claim.since === undefined || claim.since <= today) &&
      (claim.side === undefined || side === null || claim.side === side) &&
      claim.requires.every((group) =>
        [...group.ko, ...group.en].some((phrase) => hasPhrase(norm, phrase) && !saidNotToHold(norm, phrase)),
      ),
  );
}

/**
 * "보안상 이유 같은 건 특별히 없고요", "no security reason": a phrase the question says does not hold.
 * Read only where the phrase stands once.
 */
function saidNotToHold(norm: NormalizedText, phrase: string): boolean {
  const lowered = phrase.toLowerCase();
  if (/[\uac00-\ud7a3]/u.test(lowered)) {
    const key = lowered.replace(/\s+/gu, '');
    const at = norm.compact.indexOf(key);
    if (at < 0 || norm.compact.indexOf(key, at + 1) >= 0) return false;
    return /^\S{0,4}?(?:같은(?:건|것|거))?(?:은|는|도)?(?:특별히|딱히|전혀)?(?:없|아니|아님|안됨)/u.test(
      norm.compact.slice(at + key.length, at + key.length + 16),
    );
  }
  const at = ` ${norm.spaced} `.indexOf(` ${lowered} `);
  return (
    at >= 0 && /\b(?:no|not|without|never)\s+(?:\S+\s+)?$/u.test(norm.spaced.slice(Math.max(0, at - 16), at))
  );
}

/** A yes/no question the topic's statements settle: the verdict and the claim first, then the topic. */
export function answerClaim(b: AnswerBuilder, topic: Topic, claim: Claim): Answer {
  b.line(b.text(topic.title));
  b.line(`${b.msg('label.verdict')}: ${b.msg(`verdict.${claim.verdict}`)}${b.mark(claim.confidence)}`);
  b.line(b.text(claim.text));
  b.cite(claim.sources);
  b.blank();
  for (const statement of topic.statements) b.statement(statement);
  return b.build({ status: 'answered', kind: 'topic', verdict: claim.verdict, projects: topic.projects });
}

const AGENCY_KO = /(?:발주\s*(?:처|기관)|기관|공공기관)\s*(?:이|가|은|는|에서)/gu;
const CONTRACTOR_KO = /(?:우리|저희|사업자|업체|수행사|계약상대자)\s*(?:가|는|도|쪽에서)?/gu;
const MODAL_KO = /수\s*있|돼|되나|되는|되죠|가능|아닌가|괜찮/gu;

/**
 * Whose act the yes/no is about: "Can the agency insist …?" (the agency), "can we propose …?" (the
 * contractor); in Korean the side named last before the asking word ("발주처가 무조건 상주하래요 …
 * 저희가 작업장소 제안할 수 있는 거 아닌가요?" asks of the contractor). Null when unclear.
 */
function sideAsked(spaced: string): 'agency' | 'contractor' | null {
  const en =
    /\b(?:can|may|could|is|are)\s+(?:the\s+|an?\s+|our\s+)?(agency|ordering\s+(?:body|agency)|client|buyer|we|i|contractor|vendor|company|firm)\b/u.exec(
      spaced,
    );
  if (en !== null) return /^(?:we|i|contractor|vendor|company|firm)$/u.test(en[1]!) ? 'contractor' : 'agency';
  const modals = [...spaced.matchAll(MODAL_KO)];
  const modal = modals.at(-1)?.index;
  if (modal === undefined) return null;
  const before = spaced.slice(0, modal);
  const last = (pattern: RegExp) => Math.max(-1, ...[...before.matchAll(pattern)].map((m) => m.index));
  const agency = last(AGENCY_KO);
  const contractor = last(CONTRACTOR_KO);
  if (agency < 0 && contractor < 0) return null;
  return contractor > agency ? 'contractor' : 'agency';
}
