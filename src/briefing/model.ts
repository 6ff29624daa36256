import { createHash } from 'node:crypto';
import { countCharacters, hasWords, normalizeText } from '../core/text.js';

/** A live Q&A session in one channel. */
export interface BriefingRecord {
  readonly id: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly title: string;
  readonly language: 'ko' | 'en';
  readonly startedBy: string;
  readonly startedAt: string;
  readonly stoppedAt: string | null;
  /** The queue message in the channel, edited in place. */
  readonly queueMessageId: string | null;
}

/** A question as first asked; later askers of the same question are votes. */
export interface QuestionRecord {
  readonly id: string;
  /** The dedup key: the normalised text. */
  readonly key: string;
  readonly text: string;
  readonly askerId: string;
  readonly askerName: string;
  readonly askedAt: string;
  readonly source: 'command' | 'message';
  /** The engine's answer when it answered the question at once; such questions never queue. */
  readonly autoAnswer: string | null;
}

/** An organiser's decision on a queued question. */
export interface StatusRecord {
  readonly status: 'answered' | 'dismissed';
  /** The short answer posted with "answered", if any. */
  readonly answer: string | null;
  readonly by: string;
  readonly at: string;
}

/** One account wanting a question answered: its asker(s) and everyone who upvoted it. */
export interface VoteRecord {
  readonly userId: string;
  readonly userName: string;
  readonly at: string;
  /** True when the vote came from asking the question (first or as a duplicate). */
  readonly asked: boolean;
}

export type QuestionStatus = 'queued' | 'answered' | 'dismissed' | 'auto';

/** A question with its current state, as the queue and the export show it. */
export interface QuestionView {
  readonly question: QuestionRecord;
  readonly status: QuestionStatus;
  readonly votes: readonly VoteRecord[];
  readonly pinned: boolean;
  readonly answer: string | null;
  readonly decidedAt: string | null;
}

/** Everything stored for one briefing. */
export interface BriefingSnapshot {
  readonly questions: readonly QuestionRecord[];
  readonly statuses: ReadonlyMap<string, StatusRecord>;
  readonly votes: ReadonlyMap<string, readonly VoteRecord[]>;
  readonly pinned: string | null;
}

export interface QuestionLimits {
  readonly maxLength: number;
  /** More mentions than this make a question "mention-laden". */
  readonly maxMentions: number;
}

export const DEFAULT_LIMITS: QuestionLimits = { maxLength: 500, maxMentions: 2 };

export type QuestionCheck =
  | { readonly ok: true; readonly text: string; readonly key: string }
  | { readonly ok: false; readonly reason: 'empty' | 'too_long' | 'mentions' | 'no_words' };

const MENTION = /<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b/giu;

/** Trims a submitted question and says why it cannot be queued, if it cannot. */
export function checkQuestion(raw: string, limits: QuestionLimits = DEFAULT_LIMITS): QuestionCheck {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (countCharacters(text) > limits.maxLength) return { ok: false, reason: 'too_long' };
  if ((text.match(MENTION)?.length ?? 0) > limits.maxMentions) return { ok: false, reason: 'mentions' };
  if (!hasWords(text)) return { ok: false, reason: 'no_words' };
  const key = questionKey(text);
  if (key === '') return { ok: false, reason: 'no_words' };
  return { ok: true, text, key };
}

/**
 * The dedup key: two questions with the same key mean the same thing. normalizeText drops case,
 * width, punctuation and mentions; the compact form drops spacing, which Korean writers vary
 * freely ("예산은 얼마" / "예산은얼마").
 */
export function questionKey(text: string): string {
  return normalizeText(text).compact;
}

/** A short stable id for a key: the same question gets the same id in every process. */
export function questionId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/** Questions as shown: the pinned one first, then queued by votes, then oldest first. */
export function buildViews(snapshot: BriefingSnapshot): QuestionView[] {
  return snapshot.questions.map((question) => {
    const decision = snapshot.statuses.get(question.id);
    const status: QuestionStatus = question.autoAnswer !== null ? 'auto' : (decision?.status ?? 'queued');
    return {
      question,
      status,
      votes: [...(snapshot.votes.get(question.id) ?? [])].sort(
        (a, b) => a.at.localeCompare(b.at) || a.userId.localeCompare(b.userId),
      ),
      pinned: status === 'queued' && snapshot.pinned === question.id,
      answer: status === 'auto' ? question.autoAnswer : (decision?.answer ?? null),
      decidedAt: decision?.at ?? null,
    };
  });
}

/** Orders views for the queue: pinned, then most votes, then asked first, then id (total order). */
export function compareViews(a: QuestionView, b: QuestionView): number {
  return (
    Number(b.pinned) - Number(a.pinned) ||
    b.votes.length - a.votes.length ||
    a.question.askedAt.localeCompare(b.question.askedAt) ||
    a.question.id.localeCompare(b.question.id)
  );
}

/** The open queue (queued questions only), best first. */
export function rankQueue(snapshot: BriefingSnapshot): QuestionView[] {
  return buildViews(snapshot)
    .filter((v) => v.status === 'queued')
    .sort(compareViews);
}

export type OrganiserAction = 'answer' | 'dismiss' | 'pin';

/**
 * Whether an organiser action applies to a question in `status`: only queued questions can be
 * answered, dismissed or pinned; a decided or auto-answered question stays as it is.
 */
export function canApply(action: OrganiserAction, status: QuestionStatus): boolean {
  switch (action) {
    case 'answer':
    case 'dismiss':
    case 'pin':
      return status === 'queued';
  }
}

/** What pressing the vote button does, given whether this account already voted. */
export function voteToggle(hasVoted: boolean): 'add' | 'withdraw' {
  return hasVoted ? 'withdraw' : 'add';
}
