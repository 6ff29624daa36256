import type { Engine } from '../core/engine.js';
import type { Answer } from '../core/types.js';
import { MemoryRateLimiter, type RateLimiter } from '../shared/rateLimit.js';
import {
  buildArchive,
  buildBoardState,
  decideAccess,
  issueTokens,
  sameToken,
  type AccessDecision,
  type BoardState,
  type BoardTokens,
  type BriefingArchive,
} from './board.js';
import { MemoryChangeFeed, type ChangeFeed, type ChangeOrigin } from './changes.js';
import { toCsv, toMarkdown } from './export.js';
import {
  buildViews,
  canApply,
  checkQuestion,
  DEFAULT_LIMITS,
  questionId,
  rankQueue,
  voteToggle,
  type BriefingRecord,
  type OrganiserAction,
  type QuestionCheck,
  type QuestionLimits,
  type QuestionView,
} from './model.js';
import { BriefingRepository, type BriefingStores, type GapRecord } from './repository.js';

export interface Asker {
  readonly id: string;
  readonly name: string;
}

export type SubmitOutcome =
  | { readonly kind: 'auto'; readonly answer: Answer; readonly questionId: string }
  | { readonly kind: 'queued'; readonly questionId: string }
  | { readonly kind: 'merged'; readonly questionId: string }
  | { readonly kind: 'repeat'; readonly questionId: string }
  | { readonly kind: 'invalid'; readonly reason: Extract<QuestionCheck, { ok: false }>['reason'] }
  | { readonly kind: 'limited'; readonly retryAfterMs: number }
  | { readonly kind: 'not_running' };

export type VoteOutcome =
  { readonly kind: 'added' | 'withdrawn' } | { readonly kind: 'not_open' } | { readonly kind: 'unknown' };

export type DecideOutcome =
  | { readonly kind: 'done'; readonly question: QuestionView }
  | { readonly kind: 'not_applicable'; readonly status: QuestionView['status'] }
  | { readonly kind: 'unknown' };

export interface BriefingServiceOptions {
  readonly engine: Engine;
  readonly stores: BriefingStores;
  readonly today: () => string;
  /** Questions one account may submit per minute. */
  readonly questionsPerMinute: number;
  /**
   * The per-account question limit; shared between processes when given one on Redis.
   * Default: an in-memory limit of `questionsPerMinute` for this process.
   */
  readonly limiter?: RateLimiter | undefined;
  readonly limits?: QuestionLimits;
  readonly now?: () => Date;
  /** Where stored changes are announced (the live boards and the Discord queue listen). */
  readonly changes?: ChangeFeed | undefined;
}

/**
 * Live briefing Q&A without Discord: submit, vote, decide, list and export, every change
 * stored (and awaited) before it is reported as done.
 */
export class BriefingService {
  readonly repository: BriefingRepository;
  /** Every stored change, announced after it is stored. */
  readonly changes: ChangeFeed;
  private readonly limiter: RateLimiter;
  private readonly now: () => Date;

  constructor(private readonly options: BriefingServiceOptions) {
    this.repository = new BriefingRepository(options.stores);
    this.limiter = options.limiter ?? new MemoryRateLimiter(options.questionsPerMinute, 60_000);
    this.now = options.now ?? (() => new Date());
    this.changes = options.changes ?? new MemoryChangeFeed();
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Starts a briefing in a channel, unless one is running there. */
  async start(
    init: Omit<BriefingRecord, 'id' | 'startedAt' | 'stoppedAt' | 'queueMessageId'>,
  ): Promise<
    { kind: 'started'; briefing: BriefingRecord } | { kind: 'already_running'; briefing: BriefingRecord }
  > {
    const current = await this.repository.latestInChannel(init.channelId);
    if (current !== undefined && current.stoppedAt === null)
      return { kind: 'already_running', briefing: current };
    const briefing: BriefingRecord = {
      ...init,
      id: BriefingRepository.newId(),
      startedAt: this.stamp(),
      stoppedAt: null,
      queueMessageId: null,
    };
    await this.repository.saveBriefing(briefing);
    await this.repository.linkChannel(briefing.channelId, briefing.id);
    await this.changes.publish({ briefingId: briefing.id, kind: 'started' });
    return { kind: 'started', briefing };
  }

  async setQueueMessage(briefing: BriefingRecord, messageId: string): Promise<BriefingRecord> {
    const next = { ...briefing, queueMessageId: messageId };
    await this.repository.saveBriefing(next);
    return next;
  }

  /** The channel's running briefing, if any. */
  async running(channelId: string): Promise<BriefingRecord | undefined> {
    const briefing = await this.repository.latestInChannel(channelId);
    return briefing?.stoppedAt === null ? briefing : undefined;
  }

  async stop(channelId: string): Promise<BriefingRecord | undefined> {
    const briefing = await this.running(channelId);
    if (briefing === undefined) return undefined;
    const stopped = { ...briefing, stoppedAt: this.stamp() };
    await this.repository.saveBriefing(stopped);
    await this.changes.publish({ briefingId: stopped.id, kind: 'stopped' });
    return stopped;
  }

  /**
   * A question from an attendee: answered by the engine at once when it can be, merged into the
   * same queued question as a vote, or queued. Stored before this returns.
   */
  async submit(
    channelId: string,
    asker: Asker,
    raw: string,
    source: 'command' | 'message',
  ): Promise<SubmitOutcome> {
    const briefing = await this.running(channelId);
    if (briefing === undefined) return { kind: 'not_running' };
    const checked = checkQuestion(raw, this.options.limits ?? DEFAULT_LIMITS);
    if (!checked.ok) return { kind: 'invalid', reason: checked.reason };
    const id = questionId(checked.key);
    const existing = await this.repository.getQuestion(briefing.id, id);
    if (existing !== undefined && (await this.repository.getVote(briefing.id, id, asker.id)) !== undefined) {
      return { kind: 'repeat', questionId: id };
    }
    const limited = await this.limiter.take(asker.id);
    if (!limited.ok) return { kind: 'limited', retryAfterMs: limited.retryAfterMs };

    const at = this.stamp();
    const answer = this.options.engine.answer({ text: checked.text, today: this.options.today() });
    const isAnswered = answer.status === 'answered';
    if (existing === undefined) {
      await this.repository.saveQuestion(briefing.id, {
        id,
        key: checked.key,
        text: checked.text,
        askerId: asker.id,
        askerName: asker.name,
        askedAt: at,
        source,
        autoAnswer: isAnswered ? answer.text : null,
      });
    }
    await this.repository.addVote(briefing.id, id, {
      userId: asker.id,
      userName: asker.name,
      at,
      asked: true,
    });
    if (answer.status === 'no_match' || answer.status === 'unknown_fact') {
      await this.repository.recordGap({ text: checked.text, status: answer.status, source: 'briefing', at });
    }
    await this.changes.publish({ briefingId: briefing.id, kind: 'question' });
    if (isAnswered) return { kind: 'auto', answer, questionId: id };
    return existing === undefined ? { kind: 'queued', questionId: id } : { kind: 'merged', questionId: id };
  }

  /** One vote per account: pressing again withdraws it. Only queued questions take votes. */
  async toggleVote(briefingId: string, qid: string, voter: Asker): Promise<VoteOutcome> {
    const briefing = await this.repository.getBriefing(briefingId);
    const question = await this.repository.getQuestion(briefingId, qid);
    if (briefing === undefined || question === undefined) return { kind: 'unknown' };
    const status = await this.repository.getStatus(briefingId, qid);
    if (briefing.stoppedAt !== null || question.autoAnswer !== null || status !== undefined)
      return { kind: 'not_open' };
    const previous = await this.repository.getVote(briefingId, qid, voter.id);
    const action = voteToggle(previous !== undefined);
    if (action === 'withdraw') await this.repository.removeVote(briefingId, qid, voter.id);
    else
      await this.repository.addVote(briefingId, qid, {
        userId: voter.id,
        userName: voter.name,
        at: this.stamp(),
        asked: false,
      });
    await this.changes.publish({ briefingId, kind: 'vote' });
    return { kind: action === 'add' ? 'added' : 'withdrawn' };
  }

  /**
   * An organiser answers, dismisses or pins a queued question, from Discord or from the board:
   * both go through here, so they always agree.
   */
  async decide(
    briefingId: string,
    qid: string,
    action: OrganiserAction,
    by: string,
    answer: string | null = null,
    origin: ChangeOrigin = 'discord',
  ): Promise<DecideOutcome> {
    const view = await this.view(briefingId, qid);
    if (view === undefined) return { kind: 'unknown' };
    if (!canApply(action, view.status)) return { kind: 'not_applicable', status: view.status };
    if (action === 'pin') {
      await this.repository.setPinned(briefingId, qid);
    } else {
      await this.repository.setStatus(briefingId, qid, {
        status: action === 'answer' ? 'answered' : 'dismissed',
        answer,
        by,
        at: this.stamp(),
      });
      if ((await this.repository.getPinned(briefingId)) === qid)
        await this.repository.setPinned(briefingId, null);
    }
    await this.changes.publish({ briefingId, kind: 'decided', origin, action, questionId: qid, answer });
    const after = await this.view(briefingId, qid);
    return { kind: 'done', question: after ?? view };
  }

  /** Pins the most voted queued question that is not pinned yet ("next"). */
  async pinNext(
    briefingId: string,
    by: string,
    origin: ChangeOrigin,
  ): Promise<DecideOutcome | { readonly kind: 'empty' }> {
    const next = rankQueue(await this.repository.snapshot(briefingId)).find((v) => !v.pinned);
    if (next === undefined) return { kind: 'empty' };
    return this.decide(briefingId, next.question.id, 'pin', by, null, origin);
  }

  /** New board links for a briefing (replacing any earlier ones); the raw tokens are not stored. */
  async openBoard(briefingId: string): Promise<BoardTokens> {
    const { tokens, record } = issueTokens();
    await this.repository.saveBoardAccess(briefingId, record);
    return tokens;
  }

  /** The archive token of a briefing's board, if it has one (for the stop reply). */
  async archiveToken(briefingId: string): Promise<string | undefined> {
    return (await this.repository.getBoardAccess(briefingId))?.archiveToken;
  }

  /** Whether `token` opens the board of `briefingId` now; unknown briefings are 'unknown'. */
  async boardAccess(
    briefingId: string,
    token: string,
  ): Promise<AccessDecision | { readonly kind: 'unknown' }> {
    const [briefing, record] = await Promise.all([
      this.repository.getBriefing(briefingId),
      this.repository.getBoardAccess(briefingId),
    ]);
    if (briefing === undefined || record === undefined) return { kind: 'unknown' };
    return decideAccess(briefing, record, token, this.now());
  }

  /** What the board of a briefing shows now. */
  async boardState(briefingId: string): Promise<BoardState | undefined> {
    const [briefing, snapshot, showNames] = await Promise.all([
      this.repository.getBriefing(briefingId),
      this.repository.snapshot(briefingId),
      this.repository.getShowNames(briefingId),
    ]);
    return briefing === undefined ? undefined : buildBoardState(briefing, snapshot, showNames);
  }

  /** Shows or hides askers' names on the board (off unless an organiser turns it on). */
  async setShowNames(briefingId: string, isShown: boolean): Promise<void> {
    await this.repository.setShowNames(briefingId, isShown);
    await this.changes.publish({ briefingId, kind: 'names' });
  }

  /**
   * The archive of a stopped briefing when `token` is its archive token; 'running' while it runs.
   * The archive link never expires.
   */
  async archive(
    briefingId: string,
    token: string,
  ): Promise<
    | { readonly kind: 'archive'; readonly archive: BriefingArchive }
    | { readonly kind: 'unknown' | 'denied' | 'running' }
  > {
    const [briefing, record] = await Promise.all([
      this.repository.getBriefing(briefingId),
      this.repository.getBoardAccess(briefingId),
    ]);
    if (briefing === undefined || record === undefined) return { kind: 'unknown' };
    if (!sameToken(token, record.archiveToken)) return { kind: 'denied' };
    const archive = buildArchive(briefing, await this.repository.snapshot(briefingId));
    return archive === undefined ? { kind: 'running' } : { kind: 'archive', archive };
  }

  async view(briefingId: string, qid: string): Promise<QuestionView | undefined> {
    const snapshot = await this.repository.snapshot(briefingId);
    return buildViews(snapshot).find((v) => v.question.id === qid);
  }

  /** The open queue, best first. */
  async queue(briefingId: string): Promise<{ queue: QuestionView[]; views: QuestionView[] }> {
    const snapshot = await this.repository.snapshot(briefingId);
    return { queue: rankQueue(snapshot), views: buildViews(snapshot) };
  }

  async export(
    briefing: BriefingRecord,
    includeNames: boolean,
  ): Promise<{ csv: string; markdown: string; count: number }> {
    const views = buildViews(await this.repository.snapshot(briefing.id));
    return {
      csv: toCsv(views, { includeNames }),
      markdown: toMarkdown(briefing, views, { includeNames }),
      count: views.length,
    };
  }

  /** The role whose members organise briefings in a server (besides Manage Server / Manage Events). */
  organiserRole(guildId: string): Promise<string | undefined> {
    return this.repository.getOrganiserRole(guildId);
  }

  /** Sets the server's organiser role, or clears it with null. */
  setOrganiserRole(guildId: string, roleId: string | null): Promise<void> {
    return this.repository.setOrganiserRole(guildId, roleId);
  }

  /** Keeps a question the engine could not answer (commands and mentions). */
  async recordGap(text: string, status: Answer['status'], source: GapRecord['source']): Promise<void> {
    if (status !== 'no_match' && status !== 'unknown_fact') return;
    await this.repository.recordGap({ text, status, source, at: this.stamp() });
  }
}
