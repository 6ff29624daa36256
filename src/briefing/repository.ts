import { randomBytes } from 'node:crypto';
import type Keyv from 'keyv';
import type { BoardAccessRecord } from './board.js';
import type { BriefingRecord, BriefingSnapshot, QuestionRecord, StatusRecord, VoteRecord } from './model.js';

/** The store surface the repository needs (a subset of `Stores`). */
export interface BriefingStores {
  readonly briefings: Keyv;
  readonly gaps: Keyv;
  namespace(name: string): Keyv;
}

/** A question the knowledge base could not answer, kept for curators. */
export interface GapRecord {
  readonly text: string;
  readonly status: 'no_match' | 'unknown_fact';
  readonly source: 'briefing' | 'command' | 'mention';
  readonly at: string;
}

/**
 * Briefings on keyv, durable and safe with several processes on one store (Redis).
 *
 * keyv has no transactions or compare-and-set, so nothing is read-modify-written: every fact is
 * its own key, and concurrent writers never overwrite each other's facts.
 * - `b:<id>` the briefing record; `c:<channel>` the channel's latest briefing;
 *   `g:<guild>:organiser-role` the server's organiser role; `board:<id>` the board's token
 *   hashes (every process checks board links against it); `board-names:<id>` whether the board
 *   shows askers' names.
 * - in the namespace `bq-<id>`: `q:<qid>` a question (qid = hash of its dedup key, so the same
 *   question asked in two processes lands on one key), `s:<qid>` its decision, `v:<qid>:<user>`
 *   one vote (one key per account: a double click or two processes cannot count twice),
 *   `pin` the question being answered now.
 * Listing reads the namespace with keyv's iterator (SQLite: one query; Redis: SCAN).
 * Every write is awaited before the caller acknowledges: SQLite commits each statement
 * (fsync'd journal), Redis has it in memory (and in its append-only file).
 */
export class BriefingRepository {
  constructor(private readonly stores: BriefingStores) {}

  private questions(briefingId: string): Keyv {
    return this.stores.namespace(`bq-${briefingId}`);
  }

  /** A new random briefing id (10 hex characters). */
  static newId(): string {
    return randomBytes(5).toString('hex');
  }

  async saveBriefing(record: BriefingRecord): Promise<void> {
    await this.stores.briefings.set(`b:${record.id}`, record);
  }

  async linkChannel(channelId: string, briefingId: string): Promise<void> {
    await this.stores.briefings.set(`c:${channelId}`, briefingId);
  }

  async getBriefing(id: string): Promise<BriefingRecord | undefined> {
    return this.stores.briefings.get<BriefingRecord>(`b:${id}`);
  }

  /** The channel's latest briefing, running or stopped. */
  async latestInChannel(channelId: string): Promise<BriefingRecord | undefined> {
    const id = await this.stores.briefings.get<string>(`c:${channelId}`);
    return id === undefined ? undefined : this.getBriefing(id);
  }

  /** The server's organiser role (`g:<guild>:organiser-role`), if one is set. */
  async getOrganiserRole(guildId: string): Promise<string | undefined> {
    return this.stores.briefings.get<string>(`g:${guildId}:organiser-role`);
  }

  async setOrganiserRole(guildId: string, roleId: string | null): Promise<void> {
    if (roleId === null) await this.stores.briefings.delete(`g:${guildId}:organiser-role`);
    else await this.stores.briefings.set(`g:${guildId}:organiser-role`, roleId);
  }

  async getBoardAccess(briefingId: string): Promise<BoardAccessRecord | undefined> {
    return this.stores.briefings.get<BoardAccessRecord>(`board:${briefingId}`);
  }

  async saveBoardAccess(briefingId: string, record: BoardAccessRecord): Promise<void> {
    await this.stores.briefings.set(`board:${briefingId}`, record);
  }

  async getShowNames(briefingId: string): Promise<boolean> {
    return (await this.stores.briefings.get<boolean>(`board-names:${briefingId}`)) === true;
  }

  async setShowNames(briefingId: string, isShown: boolean): Promise<void> {
    if (isShown) await this.stores.briefings.set(`board-names:${briefingId}`, true);
    else await this.stores.briefings.delete(`board-names:${briefingId}`);
  }

  async getQuestion(briefingId: string, questionId: string): Promise<QuestionRecord | undefined> {
    return this.questions(briefingId).get<QuestionRecord>(`q:${questionId}`);
  }

  async saveQuestion(briefingId: string, question: QuestionRecord): Promise<void> {
    await this.questions(briefingId).set(`q:${question.id}`, question);
  }

  async getVote(briefingId: string, questionId: string, userId: string): Promise<VoteRecord | undefined> {
    return this.questions(briefingId).get<VoteRecord>(`v:${questionId}:${userId}`);
  }

  async addVote(briefingId: string, questionId: string, vote: VoteRecord): Promise<void> {
    await this.questions(briefingId).set(`v:${questionId}:${vote.userId}`, vote);
  }

  async removeVote(briefingId: string, questionId: string, userId: string): Promise<void> {
    await this.questions(briefingId).delete(`v:${questionId}:${userId}`);
  }

  async getStatus(briefingId: string, questionId: string): Promise<StatusRecord | undefined> {
    return this.questions(briefingId).get<StatusRecord>(`s:${questionId}`);
  }

  async setStatus(briefingId: string, questionId: string, status: StatusRecord): Promise<void> {
    await this.questions(briefingId).set(`s:${questionId}`, status);
  }

  async getPinned(briefingId: string): Promise<string | undefined> {
    return this.questions(briefingId).get<string>('pin');
  }

  async setPinned(briefingId: string, questionId: string | null): Promise<void> {
    if (questionId === null) await this.questions(briefingId).delete('pin');
    else await this.questions(briefingId).set('pin', questionId);
  }

  /** Everything stored for a briefing. */
  async snapshot(briefingId: string): Promise<BriefingSnapshot> {
    const store = this.questions(briefingId);
    if (store.iterator === undefined) throw new Error('the briefing store cannot list its keys');
    const questions: QuestionRecord[] = [];
    const statuses = new Map<string, StatusRecord>();
    const votes = new Map<string, VoteRecord[]>();
    // Redis SCAN may return a key twice; keep each key once.
    const seen = new Set<string>();
    let pinned: string | null = null;
    // keyv yields keys without the namespace prefix.
    for await (const [key, value] of store.iterator(undefined) as AsyncGenerator<[string, unknown]>) {
      if (seen.has(key) || value === undefined) continue;
      seen.add(key);
      const [kind, id] = key.split(':');
      if (kind === 'q') questions.push(value as QuestionRecord);
      else if (kind === 's' && id !== undefined) statuses.set(id, value as StatusRecord);
      else if (kind === 'v' && id !== undefined) {
        const list = votes.get(id) ?? [];
        list.push(value as VoteRecord);
        votes.set(id, list);
      } else if (kind === 'pin') pinned = value as string;
    }
    return { questions, statuses, votes, pinned };
  }

  async recordGap(gap: GapRecord): Promise<void> {
    await this.stores.gaps.set(`g:${gap.at}:${randomBytes(4).toString('hex')}`, gap);
  }

  async listGaps(): Promise<GapRecord[]> {
    const store = this.stores.gaps;
    if (store.iterator === undefined) throw new Error('the gap store cannot list its keys');
    const gaps = new Map<string, GapRecord>();
    for await (const [key, value] of store.iterator(undefined) as AsyncGenerator<[string, unknown]>) {
      if (value !== undefined) gaps.set(key, value as GapRecord);
    }
    return [...gaps.values()].sort((a, b) => a.at.localeCompare(b.at));
  }
}
