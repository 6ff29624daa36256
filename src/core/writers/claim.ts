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
      claim.requires.every((group) => [...group.ko, ...group.en].some((phrase) => hasPhrase(norm, phrase))),
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
