import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DiscordHttpError, Errors } from './errors.js';
import type { StoredFile } from './messages.js';

/** Upper bound on request bodies; Discord rejects larger uploads with 413 / 40005. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;

/** One REST request as the stand-in received it. */
export interface RecordedRequest {
  method: string;
  /** Decoded path below `/api/v10`, e.g. `/channels/1311000000000000200/messages` or `/webhooks/…/messages/@original`. */
  path: string;
  /** Matched route template, e.g. `/channels/:channel/messages`; undefined if no route matched. */
  route: string | undefined;
  query: Record<string, string>;
  headers: { authorization?: string; contentType?: string; auditLogReason?: string; userAgent?: string };
  /** Parsed JSON body; for multipart, `payload_json` (plus any other text fields). */
  body: unknown;
  /** Multipart file parts (`files[n]`). */
  files: StoredFile[];
  /** `Date.now()` when the request arrived. */
  time: number;
  /** Response status (0 until the response has been decided). */
  status: number;
  response: unknown;
}

export interface RouteRequest {
  method: string;
  path: string;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: unknown;
  files: StoredFile[];
}

export interface RouteResponse {
  status: number;
  body?: unknown;
}

export type RouteHandler = (request: RouteRequest) => RouteResponse | Promise<RouteResponse>;

/** A one-shot (or n-shot) 429 to inject, to check that the client backs off. */
export interface RateLimitRule {
  method?: string;
  /** Concrete path (`/channels/123/messages`), route template (`/channels/:channel/messages`) or RegExp. */
  path: string | RegExp;
  /** Sent as `retry_after` (body) and `Retry-After` (header, seconds, fractional). Default 250. */
  retryAfterMs?: number;
  global?: boolean;
  /** How many matching requests get a 429. Default 1. */
  times?: number;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  keys: string[];
  auth: boolean;
  rateLimited: boolean;
  handler: RouteHandler;
}

export interface HttpApiOptions {
  token: string;
  rateLimit: { limit: number; windowMs: number };
  onStateChange(): void;
}

function compileTemplate(template: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), keys };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw Errors.payloadTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function parseBody(
  contentType: string | undefined,
  raw: Buffer,
): Promise<{ body: unknown; files: StoredFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data') === true) {
    const request = new Request('http://standin.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: raw,
    });
    // undici's multipart parser (Node's fetch Request) handles the boundary framing for us; its
    // "not for servers" deprecation is about streaming large uploads, irrelevant for a test double.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const form = await request.formData();
    const body: Record<string, unknown> = {};
    const files: StoredFile[] = [];
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') {
        if (key !== 'payload_json') body[key] = value;
        else {
          try {
            Object.assign(body, JSON.parse(value));
          } catch {
            throw Errors.invalidJson();
          }
        }
      } else {
        files.push({
          key,
          filename: value.name,
          contentType: value.type === '' ? 'application/octet-stream' : value.type,
          data: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
  } catch {
    throw Errors.invalidJson();
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
): void {
  if (status === 204 || body === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(json)),
    ...headers,
  });
  response.end(json);
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Discord's REST surface under `/api/v10`: routing, auth, body parsing, rate-limit headers, recording. */
export class HttpApi {
  readonly requests: RecordedRequest[] = [];
  /** Unexpected exceptions inside route handlers (answered with 500); should stay empty. */
  readonly internalErrors: Error[] = [];
  readonly #routes: Route[] = [];
  readonly #buckets = new Map<string, { count: number; resetAt: number }>();
  readonly #injected: { rule: RateLimitRule; remaining: number }[] = [];

  constructor(private readonly options: HttpApiOptions) {}

  route(
    method: string,
    template: string,
    handler: RouteHandler,
    options: { auth?: boolean; rateLimited?: boolean } = {},
  ): void {
    this.#routes.push({
      method,
      template,
      ...compileTemplate(template),
      auth: options.auth ?? true,
      rateLimited: options.rateLimited ?? true,
      handler,
    });
  }

  rateLimitNext(rule: RateLimitRule): void {
    this.#injected.push({ rule, remaining: rule.times ?? 1 });
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const time = Date.now();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = (request.method ?? 'GET').toUpperCase();
    const match = /^\/api(?:\/v(\d+))?(\/.*)?$/.exec(url.pathname);
    const path = match?.[2] ?? url.pathname;
    const record = recordOf(request, method, path, time, url);
    this.requests.push(record);

    let headers: Record<string, string> = {};
    const respond = (status: number, body: unknown, extra: Record<string, string> = {}): void => {
      record.status = status;
      record.response = body;
      send(response, status, body, { ...headers, ...extra });
      this.options.onStateChange();
    };

    try {
      if (!match) throw Errors.notFound();
      if (match[1] !== undefined && match[1] !== '10') throw Errors.invalidApiVersion();
      const parsed = await parseBody(request.headers['content-type'], await readBody(request));
      record.body = parsed.body;
      record.files = parsed.files;

      const candidates = this.#routes.filter((route) => route.pattern.test(path));
      const route = candidates.find((candidate) => candidate.method === method);
      if (!route) throw candidates.length > 0 ? Errors.methodNotAllowed() : Errors.notFound();
      record.route = route.template;
      const values = route.pattern.exec(path)?.slice(1) ?? [];
      const params = Object.fromEntries(
        route.keys.map((key, index) => [key, safeDecode(values[index] ?? '')]),
      );

      if (route.auth && request.headers.authorization !== `Bot ${this.options.token}`)
        throw Errors.unauthorized();

      const injected = this.#takeInjected(method, path, route.template);
      if (injected) {
        respond(429, ...this.#rateLimitedResponse(injected, method, route.template));
        return;
      }
      if (route.rateLimited) headers = this.#consumeBucket(method, route, params);

      const result = await route.handler({
        method,
        path,
        params,
        query: url.searchParams,
        body: parsed.body,
        files: parsed.files,
      });
      respond(result.status, result.body);
    } catch (error) {
      if (error instanceof DiscordHttpError) {
        respond(error.status, error.body, error.headers);
        return;
      }
      const failure = error instanceof Error ? error : new Error(String(error));
      this.internalErrors.push(failure);
      console.error('[discord-standin] internal error handling', method, path, failure);
      respond(500, { message: '500: Internal Server Error', code: 0 });
    }
  }

  /** The 429 body and headers of an injected rate limit. */
  #rateLimitedResponse(
    injected: RateLimitRule,
    method: string,
    template: string,
  ): [body: unknown, headers: Record<string, string>] {
    const retryAfter = (injected.retryAfterMs ?? 250) / 1000;
    const global = injected.global === true;
    return [
      { message: 'You are being rate limited.', retry_after: retryAfter, global },
      {
        'retry-after': String(retryAfter),
        'x-ratelimit-limit': String(this.options.rateLimit.limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
        'x-ratelimit-reset-after': retryAfter.toFixed(3),
        'x-ratelimit-bucket': bucketHash(method, template),
        'x-ratelimit-scope': global ? 'global' : 'user',
        ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      },
    ];
  }

  #takeInjected(method: string, path: string, template: string): RateLimitRule | undefined {
    const index = this.#injected.findIndex(({ rule }) => {
      if (rule.method !== undefined && rule.method.toUpperCase() !== method) return false;
      return typeof rule.path === 'string'
        ? rule.path === path || rule.path === template
        : rule.path.test(path);
    });
    const entry = this.#injected[index];
    if (!entry) return undefined;
    entry.remaining--;
    if (entry.remaining <= 0) this.#injected.splice(index, 1);
    return entry.rule;
  }

  /** Counts the request against its bucket; throws a real 429 if the client ignored the headers. */
  #consumeBucket(
    method: string,
    route: Route,
    params: Readonly<Record<string, string>>,
  ): Record<string, string> {
    const { limit, windowMs } = this.options.rateLimit;
    const major =
      params.channel ??
      params.guild ??
      (params.token === undefined ? 'global' : `${params.webhook ?? ''}/${params.token}`);
    const key = `${method} ${route.template} ${major}`;
    const now = Date.now();
    let bucket = this.#buckets.get(key);
    if (!bucket || now >= bucket.resetAt) {
      bucket = { count: 0, resetAt: now + windowMs };
      this.#buckets.set(key, bucket);
    }
    const resetAfter = (bucket.resetAt - now) / 1000;
    const headers = {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-reset': (bucket.resetAt / 1000).toFixed(3),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-bucket': bucketHash(method, route.template),
    };
    if (bucket.count >= limit) {
      throw new DiscordHttpError(
        429,
        { message: 'You are being rate limited.', code: 0, retry_after: resetAfter, global: false },
        {
          ...headers,
          'x-ratelimit-remaining': '0',
          'retry-after': String(resetAfter),
          'x-ratelimit-scope': 'user',
        },
      );
    }
    bucket.count++;
    return { ...headers, 'x-ratelimit-remaining': String(limit - bucket.count) };
  }
}

function bucketHash(method: string, template: string): string {
  return createHash('sha1').update(`${method} ${template}`).digest('hex').slice(0, 32);
}

/** What the stand-in records of a request before reading its body. */
function recordOf(
  request: IncomingMessage,
  method: string,
  path: string,
  time: number,
  url: URL,
): RecordedRequest {
  return {
    method,
    // discord.js percent-encodes some segments (`%40original`); record what a reader expects.
    path: safeDecode(path),
    route: undefined,
    query: Object.fromEntries(url.searchParams),
    headers: {
      ...(request.headers.authorization === undefined
        ? {}
        : { authorization: request.headers.authorization }),
      ...(request.headers['content-type'] === undefined
        ? {}
        : { contentType: request.headers['content-type'] }),
      ...(request.headers['x-audit-log-reason'] === undefined
        ? {}
        : { auditLogReason: decodeURIComponent(headerValue(request.headers['x-audit-log-reason']) ?? '') }),
      ...(request.headers['user-agent'] === undefined ? {} : { userAgent: request.headers['user-agent'] }),
    },
    body: undefined,
    files: [],
    time,
    status: 0,
    response: undefined,
  };
}
