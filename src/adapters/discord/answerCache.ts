import { randomBytes } from 'node:crypto';
import type Keyv from 'keyv';
import type { Language } from '../../core/types.js';
import type { AnswerRequest } from '../../answering/request.js';

/** What a button needs to answer again: the request, its language and the day it was asked. */
export interface StoredRequest {
  readonly request: AnswerRequest;
  readonly language: Language;
  readonly today: string;
  readonly ephemeral: boolean;
}

const TTL_MS = 7 * 24 * 60 * 60 * 1000;
const MEMORY_LIMIT = 5000;

/**
 * Requests behind buttons. Kept in memory for speed and written to the store after the reply is
 * sent, so a button still works after a restart without slowing the reply down.
 */
export class AnswerCache {
  private readonly memory = new Map<string, StoredRequest>();

  constructor(
    private readonly store: Keyv,
    private readonly onError: (error: unknown) => void,
  ) {}

  // A random prefix per process and a counter: unique across restarts and processes, and far
  // cheaper than fresh random bytes for every answer.
  private readonly prefix = randomBytes(6).toString('base64url');
  private counter = 0;

  /** Keeps the request and returns its key (short enough for a custom_id). */
  put(value: StoredRequest): string {
    const key = `${this.prefix}${(this.counter++).toString(36)}`;
    this.memory.set(key, value);
    if (this.memory.size > MEMORY_LIMIT) this.memory.delete(this.memory.keys().next().value!);
    return key;
  }

  /** Writes a kept request to the store; failures are reported, not thrown at the user. */
  persist(key: string): void {
    const value = this.memory.get(key);
    if (value === undefined) return;
    this.store.set(key, value, TTL_MS).catch(this.onError);
  }

  async get(key: string): Promise<StoredRequest | undefined> {
    return this.memory.get(key) ?? (await this.store.get<StoredRequest>(key));
  }
}
