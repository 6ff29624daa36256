/** The store cannot be used right now; nothing was acknowledged. Shown to users as the short apology. */
export class StoreUnavailableError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`the store is unavailable: ${reason}`, options);
    this.name = 'StoreUnavailableError';
  }
}

/** The store could not be opened at start; `message` is one line an operator can act on. */
export class StoreOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

/** What a store error says, without a stack (for one-line reports). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== undefined && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
