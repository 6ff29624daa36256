import type { OrganiserAction } from './model.js';

/** Where a change was made: Discord (commands, buttons, posts) or the live board. */
export type ChangeOrigin = 'discord' | 'board';

/**
 * A stored change to a briefing, announced after it is stored so every view (the Discord queue
 * message, the live boards) can refresh. Carries no names: it may cross processes.
 */
export type BriefingChange =
  | { readonly briefingId: string; readonly kind: 'started' | 'stopped' | 'question' | 'vote' | 'names' }
  | {
      readonly briefingId: string;
      readonly kind: 'decided';
      readonly origin: ChangeOrigin;
      readonly action: OrganiserAction;
      readonly questionId: string;
      /** The organiser's short answer (posted in Discord for a board decision). */
      readonly answer: string | null;
    };

/**
 * Announces briefing changes to every listener: in this process (SQLite, one process), or to every
 * process on the same Redis. Delivery is best effort: a view that misses one catches up with the
 * next change, and the store stays the truth.
 */
export interface ChangeFeed {
  publish(change: BriefingChange): Promise<void>;
  /** Calls `listener` for every change from now on; returns the unsubscribe function. */
  subscribe(listener: (change: BriefingChange) => void): () => void;
}

/** The feed of one process. */
export class MemoryChangeFeed implements ChangeFeed {
  private readonly listeners = new Set<(change: BriefingChange) => void>();

  publish(change: BriefingChange): Promise<void> {
    deliver(this.listeners, change);
    return Promise.resolve();
  }

  subscribe(listener: (change: BriefingChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Calls each listener; one that throws does not keep the change from the others (a listener's
 * own errors are its to report).
 */
export function deliver(
  listeners: ReadonlySet<(change: BriefingChange) => void>,
  change: BriefingChange,
): void {
  for (const listener of listeners) {
    try {
      listener(change);
    } catch {
      // Listeners catch and log their own errors; this guard only keeps the loop going.
    }
  }
}

const KINDS = new Set(['started', 'stopped', 'question', 'vote', 'names', 'decided']);
const ACTIONS = new Set(['answer', 'dismiss', 'pin']);

/** A change read back from JSON (another process), or undefined when it is not one. */
export function parseChange(text: string): BriefingChange | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v['briefingId'] !== 'string' || typeof v['kind'] !== 'string' || !KINDS.has(v['kind']))
    return undefined;
  if (v['kind'] !== 'decided') return value as BriefingChange;
  const isValid =
    (v['origin'] === 'discord' || v['origin'] === 'board') &&
    typeof v['action'] === 'string' &&
    ACTIONS.has(v['action']) &&
    typeof v['questionId'] === 'string' &&
    (v['answer'] === null || typeof v['answer'] === 'string');
  return isValid ? (value as BriefingChange) : undefined;
}
