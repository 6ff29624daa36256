/** One entry of Discord's `errors` tree, e.g. `{ code: 'BASE_TYPE_MAX_LENGTH', message: '...' }`. */
export interface FieldError {
  code: string;
  message: string;
}

/** Discord's nested error object: keys follow the request body, leaves hold `_errors`. */
export interface ErrorTree {
  [key: string]: ErrorTree | FieldError[];
}

/** An API failure, rendered as Discord renders it: `{ message, code, errors? }` with a status. */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { message: string; code: number; errors?: ErrorTree; [extra: string]: unknown },
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${status} ${body.message} (code ${body.code})`);
  }
}

export function apiError(status: number, code: number, message: string): DiscordHttpError {
  return new DiscordHttpError(status, { message, code });
}

export const Errors = {
  unauthorized: () => apiError(401, 0, '401: Unauthorized'),
  notFound: () => apiError(404, 0, '404: Not Found'),
  methodNotAllowed: () => apiError(405, 0, '405: Method Not Allowed'),
  unknownApplication: () => apiError(404, 10002, 'Unknown Application'),
  unknownChannel: () => apiError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => apiError(404, 10004, 'Unknown Guild'),
  unknownMember: () => apiError(404, 10007, 'Unknown Member'),
  unknownMessage: () => apiError(404, 10008, 'Unknown Message'),
  unknownUser: () => apiError(404, 10013, 'Unknown User'),
  unknownWebhook: () => apiError(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => apiError(404, 10062, 'Unknown interaction'),
  unknownCommand: () => apiError(404, 10063, 'Unknown application command'),
  payloadTooLarge: () => apiError(413, 40005, 'Request entity too large'),
  alreadyAcknowledged: () => apiError(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => apiError(403, 50001, 'Missing Access'),
  missingPermissions: () => apiError(403, 50013, 'Missing Permissions'),
  cannotEditOthers: () => apiError(403, 50005, 'Cannot edit a message authored by another user'),
  emptyMessage: () => apiError(400, 50006, 'Cannot send an empty message'),
  invalidWebhookToken: () => apiError(401, 50027, 'Invalid Webhook Token'),
  invalidApiVersion: () => apiError(400, 50041, 'Invalid API version provided'),
  invalidJson: () => apiError(400, 50109, 'The request body contains invalid JSON.'),
};

/** Collects field errors at body paths and renders them as a 50035 "Invalid Form Body". */
export class FormErrors {
  readonly tree: ErrorTree = {};
  #count = 0;

  add(path: readonly (string | number)[], code: string, message: string): void {
    let node = this.tree;
    for (const segment of path) {
      const key = String(segment);
      let next = node[key];
      if (next === undefined || Array.isArray(next)) {
        next = {};
        node[key] = next;
      }
      node = next;
    }
    const list = node._errors;
    if (Array.isArray(list)) list.push({ code, message });
    else node._errors = [{ code, message }];
    this.#count++;
  }

  get empty(): boolean {
    return this.#count === 0;
  }

  throwIfAny(): void {
    if (!this.empty) {
      throw new DiscordHttpError(400, { message: 'Invalid Form Body', code: 50035, errors: this.tree });
    }
  }
}
