import { randomBytes } from 'node:crypto';

const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Generates Discord-style snowflakes. The timestamp part is real because discord.js derives
 * `createdTimestamp` from ids, and its REST router only recognises 17–19 digit ids as major
 * parameters (rate-limit buckets per channel / webhook).
 */
export class SnowflakeGenerator {
  #increment = 0n;

  next(at: number = Date.now()): string {
    this.#increment = (this.#increment + 1n) & 0xfffn;
    return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n) | this.#increment).toString();
  }
}

/** Opaque, URL-safe interaction token (real ones are long base64 strings, never containing `/`). */
export function interactionToken(interactionId: string): string {
  return Buffer.from(`interaction:${interactionId}:${randomBytes(48).toString('base64url')}`).toString(
    'base64url',
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isoNow(at: number = Date.now()): string {
  return new Date(at).toISOString().replace('Z', '+00:00');
}

/** Number of characters as Discord counts them (code points, not UTF-16 units). */
export function charLength(value: string): number {
  return Array.from(value).length;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

interface PendingWait {
  check(): void;
  fail(error: Error): void;
}

/**
 * Race-free waiting on stand-in state: a probe is evaluated immediately and again after every
 * state change (`notify`), so callers never miss something that happened before they started waiting.
 */
export class Waiters {
  readonly #pending = new Set<PendingWait>();
  #closed = false;

  waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    if (this.#closed)
      return Promise.reject(new Error(`Discord stand-in is closed (while waiting for ${what})`));
    try {
      const ready = probe();
      if (ready !== undefined) return Promise.resolve(ready);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.#pending.delete(entry);
      };
      const entry: PendingWait = {
        check: () => {
          let value: T | undefined;
          try {
            value = probe();
          } catch (error) {
            finish();
            reject(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          if (value === undefined) return;
          finish();
          resolve(value);
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        entry.fail(new Error(`Discord stand-in: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.#pending.add(entry);
    });
  }

  notify(): void {
    for (const entry of [...this.#pending]) entry.check();
  }

  close(): void {
    this.#closed = true;
    for (const entry of [...this.#pending])
      entry.fail(new Error('Discord stand-in closed while a wait was pending'));
  }
}

/** Compares wire-level numeric codes, e.g. a discord-api-types enum member with a number read from JSON. */
export function sameCode(a: number, b: number): boolean {
  return a === b;
}

/**
 * discord-api-types models bitfields (`flags`) as enums, but on the wire they are arbitrary integer
 * combinations of those bits; this is the single bridge between the two. `Flags` is inferred from
 * the destination (e.g. `MessageFlags`), which is the point of the return-only type parameter.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function asBitfield<Flags extends number>(value: number): Flags {
  return value as Flags;
}
