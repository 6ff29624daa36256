import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  buildViews,
  rankQueue,
  type BriefingRecord,
  type BriefingSnapshot,
  type QuestionView,
} from './model.js';

/** Questions listed on the live board besides the pinned one. */
export const BOARD_TOP = 20;
/** A board link works until this long after its briefing stopped. */
export const BOARD_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The stored access to one briefing's board: SHA-256 hashes of the presenter (view) and organiser
 * tokens, so the store never holds a working board link, and the archive token (read-only, no
 * names), kept as is so the stop reply can repeat its link.
 */
export interface BoardAccessRecord {
  readonly viewerHash: string;
  readonly organiserHash: string;
  readonly archiveToken: string;
}

/** The raw tokens, given once to the organiser who started the briefing. */
export interface BoardTokens {
  readonly viewer: string;
  readonly organiser: string;
  readonly archive: string;
}

export type BoardRole = 'viewer' | 'organiser';

export type AccessDecision =
  | { readonly kind: 'granted'; readonly role: BoardRole }
  | { readonly kind: 'denied' }
  | { readonly kind: 'expired' };

/** The path of a board page (presenter or organiser, by token). */
export function boardPath(briefingId: string, token: string): string {
  return `/board/${briefingId}/${token}`;
}

/** The path of a briefing's archive page. */
export function archivePath(briefingId: string, token: string): string {
  return `/archive/${briefingId}/${token}`;
}

/** 32 random bytes (256 bits) as base64url: 43 characters, safe in a URL path. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** New tokens for a briefing and the record that stores them. */
export function issueTokens(): { tokens: BoardTokens; record: BoardAccessRecord } {
  const tokens = { viewer: newToken(), organiser: newToken(), archive: newToken() };
  return {
    tokens,
    record: {
      viewerHash: sha256(tokens.viewer).toString('hex'),
      organiserHash: sha256(tokens.organiser).toString('hex'),
      archiveToken: tokens.archive,
    },
  };
}

/**
 * Whether `given` equals the token behind `storedHash`, in time that does not depend on where they
 * differ: both sides are SHA-256 digests of equal length compared with timingSafeEqual.
 */
export function matchesHash(given: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const actual = sha256(given);
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}

/** Constant-time equality of two tokens (hashed first, so lengths never leak). */
export function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

/** Whether a board link with `token` opens the board of `briefing` at `now`. */
export function decideAccess(
  briefing: BriefingRecord,
  record: BoardAccessRecord,
  token: string,
  now: Date,
): AccessDecision {
  // Both comparisons always run, so timing does not tell which kind of token was close.
  const isOrganiser = matchesHash(token, record.organiserHash);
  const isViewer = matchesHash(token, record.viewerHash);
  if (!isOrganiser && !isViewer) return { kind: 'denied' };
  if (briefing.stoppedAt !== null && now.getTime() > Date.parse(briefing.stoppedAt) + BOARD_LINK_TTL_MS)
    return { kind: 'expired' };
  return { kind: 'granted', role: isOrganiser ? 'organiser' : 'viewer' };
}

/** A question as the board shows it. */
export interface BoardQuestion {
  readonly id: string;
  readonly text: string;
  readonly votes: number;
  /** The asker's name, only when the organiser turned names on. */
  readonly asker?: string;
}

/** Everything a board shows; sent whole on every change (a few kB at most). */
export interface BoardState {
  readonly briefing: {
    readonly id: string;
    readonly title: string;
    readonly language: 'ko' | 'en';
    readonly isRunning: boolean;
  };
  readonly pinned: BoardQuestion | null;
  /** The top queued questions by votes, the pinned one left out. */
  readonly queue: readonly BoardQuestion[];
  readonly counts: {
    readonly waiting: number;
    readonly answered: number;
    readonly auto: number;
    readonly dismissed: number;
    readonly total: number;
  };
  readonly showNames: boolean;
}

function toBoardQuestion(view: QuestionView, showNames: boolean): BoardQuestion {
  return {
    id: view.question.id,
    text: view.question.text,
    votes: view.votes.length,
    ...(showNames ? { asker: view.question.askerName } : {}),
  };
}

/** The board of a briefing from its stored snapshot. */
export function buildBoardState(
  briefing: BriefingRecord,
  snapshot: BriefingSnapshot,
  showNames: boolean,
): BoardState {
  const views = buildViews(snapshot);
  const queue = rankQueue(snapshot);
  const pinned = queue.find((v) => v.pinned);
  const count = (status: QuestionView['status']) => views.filter((v) => v.status === status).length;
  return {
    briefing: {
      id: briefing.id,
      title: briefing.title,
      language: briefing.language,
      isRunning: briefing.stoppedAt === null,
    },
    pinned: pinned === undefined ? null : toBoardQuestion(pinned, showNames),
    queue: queue
      .filter((v) => !v.pinned)
      .slice(0, BOARD_TOP)
      .map((v) => toBoardQuestion(v, showNames)),
    counts: {
      waiting: queue.length,
      answered: count('answered'),
      auto: count('auto'),
      dismissed: count('dismissed'),
      total: views.length,
    },
    showNames,
  };
}

/** One question on the archive page: never a name. */
export interface ArchivedQuestion {
  readonly text: string;
  readonly votes: number;
  readonly answer: string | null;
}

/** The read-only record of a stopped briefing, without names. */
export interface BriefingArchive {
  readonly title: string;
  readonly language: 'ko' | 'en';
  readonly startedAt: string;
  readonly stoppedAt: string;
  readonly answered: readonly ArchivedQuestion[];
  readonly auto: readonly ArchivedQuestion[];
  readonly unanswered: readonly ArchivedQuestion[];
  readonly dismissed: number;
}

/** The archive of a stopped briefing (undefined while it runs): most voted first in each group. */
export function buildArchive(
  briefing: BriefingRecord,
  snapshot: BriefingSnapshot,
): BriefingArchive | undefined {
  if (briefing.stoppedAt === null) return undefined;
  const views = buildViews(snapshot).sort(
    (a, b) => b.votes.length - a.votes.length || a.question.askedAt.localeCompare(b.question.askedAt),
  );
  const group = (status: QuestionView['status']) =>
    views
      .filter((v) => v.status === status)
      .map((v) => ({ text: v.question.text, votes: v.votes.length, answer: v.answer }));
  return {
    title: briefing.title,
    language: briefing.language,
    startedAt: briefing.startedAt,
    stoppedAt: briefing.stoppedAt,
    answered: group('answered'),
    auto: group('auto'),
    unanswered: group('queued'),
    dismissed: views.filter((v) => v.status === 'dismissed').length,
  };
}
