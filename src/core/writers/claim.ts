import type { Topic } from '../../knowledge/schema.js';
import type { AnswerBuilder } from '../compose.js';
import { hasPhrase, type NormalizedText } from '../text.js';
import type { Answer } from '../types.js';

type Claim = Topic['claims'][number];

/** The topic's claim whose every group of phrases the question has, if one does. */
export function findClaim(topic: Topic, norm: NormalizedText, today: string): Claim | undefined {
  return topic.claims.find(
    (claim) =>
      (claim.since === undefined || claim.since <= today) &&
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
