import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A chat-completions request as the stand-in received it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body, or `undefined` when it was not JSON. */
  body: unknown;
  rawBody: string;
  /** True when the body asked for a stream. */
  stream: boolean;
  /** Set when the client closed the connection before the response was complete. */
  clientAborted: boolean;
}

/**
 * How the stand-in answers one request. Fields combine: e.g. `headerDelayMs` with `content`, or
 * `stream` chunks followed by `stallAfterChunks`.
 */
export interface StandinBehaviour {
  /** Assistant message content, or a function of the request. Default `{"text":"ok"}`. */
  content?: string | ((request: RecordedRequest) => string);
  /** Sets `message.refusal` (or `delta.refusal`) and a null content. */
  refusal?: string;
  /** Default `stop`. */
  finishReason?: 'stop' | 'length' | 'content_filter';
  /** Answer with this HTTP error status and an OpenAI-style error body. */
  status?: number;
  /** `retry-after` header (seconds) sent with an error status. */
  retryAfter?: string;
  /** Send this body verbatim with status 200 and `application/json` (for malformed JSON). */
  rawBody?: string;
  /** Wait before sending the status line and headers. */
  headerDelayMs?: number;
  /** After the headers, wait before the body (non-stream) or the first chunk (stream). */
  bodyDelayMs?: number;
  /** Stream: wait between chunks. */
  chunkDelayMs?: number;
  /** Stream: after this many content chunks, send nothing more and never end the response. */
  stallAfterChunks?: number;
  /** Stream: characters per content chunk. Default 8. */
  chunkSize?: number;
  /** Stream: end the response after the content without a finish reason or `[DONE]`. */
  endWithoutFinish?: boolean;
}

/** A running stand-in server. */
export interface OpenAIStandin {
  /** Base URL for `new OpenAI({ baseURL })`, ending in `/v1`. */
  baseURL: string;
  /** Every chat-completions request received, oldest first. */
  requests: RecordedRequest[];
  /** Sets the behaviour for the next requests; a function is called per request. */
  setBehaviour(behaviour: StandinBehaviour | ((request: RecordedRequest) => StandinBehaviour)): void;
  /** Clears the recorded requests and restores the default behaviour. */
  reset(): void;
  close(): Promise<void>;
}

const MODEL = 'standin-model';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function isStreamRequest(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true;
}

function splitIntoChunks(text: string, size: number): string[] {
  const chars = Array.from(text);
  const chunks: string[] = [];
  for (let i = 0; i < chars.length; i += size) chunks.push(chars.slice(i, i + size).join(''));
  return chunks;
}

/** Delays of answers in progress: each ends early when the client goes away, all end on close. */
class Delays {
  readonly timers = new Set<NodeJS.Timeout>();

  /** Resolves after `ms`, or never when the client goes away first (the caller stops writing then). */
  wait(response: ServerResponse, ms: number | undefined): Promise<boolean> {
    if (ms === undefined || ms <= 0) return Promise.resolve(!response.destroyed);
    return new Promise((resolve) => {
      const onClose = () => {
        clearTimeout(timer);
        this.timers.delete(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        response.off('close', onClose);
        resolve(!response.destroyed);
      }, ms);
      this.timers.add(timer);
      response.once('close', onClose);
    });
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/** An error status, or a raw body: true when the behaviour answered the request this way. */
async function answerPlainly(delays: Delays, behaviour: StandinBehaviour, response: ServerResponse) {
  if (behaviour.status !== undefined) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (behaviour.retryAfter !== undefined) headers['retry-after'] = behaviour.retryAfter;
    response.writeHead(behaviour.status, headers);
    response.end(
      JSON.stringify({ error: { message: `stand-in status ${behaviour.status}`, type: 'standin' } }),
    );
    return true;
  }
  if (behaviour.rawBody === undefined) return false;
  response.writeHead(200, { 'content-type': 'application/json' });
  response.flushHeaders();
  if (await delays.wait(response, behaviour.bodyDelayMs)) response.end(behaviour.rawBody);
  return true;
}

/** A whole chat completion in one JSON body. */
async function answerWhole(
  delays: Delays,
  id: string,
  content: string,
  behaviour: StandinBehaviour,
  response: ServerResponse,
) {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.flushHeaders();
  if (!(await delays.wait(response, behaviour.bodyDelayMs))) return;
  const message =
    behaviour.refusal === undefined
      ? { role: 'assistant', content, refusal: null }
      : { role: 'assistant', content: null, refusal: behaviour.refusal };
  response.end(
    JSON.stringify({
      id,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: MODEL,
      choices: [{ index: 0, message, finish_reason: behaviour.finishReason ?? 'stop', logprobs: null }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    }),
  );
}

/** A streamed chat completion: server-sent chunks, maybe delayed, stalled or cut short. */
async function answerStream(
  delays: Delays,
  id: string,
  content: string,
  behaviour: StandinBehaviour,
  response: ServerResponse,
) {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  response.flushHeaders();
  if (!(await delays.wait(response, behaviour.bodyDelayMs))) return;
  const created = Math.floor(Date.now() / 1000);
  const send = (delta: object, finish: string | null) => {
    const chunk = {
      id,
      object: 'chat.completion.chunk',
      created,
      model: MODEL,
      choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
    };
    response.write(`data: ${JSON.stringify(chunk)}\n\n`);
  };
  send({ role: 'assistant', content: '' }, null);
  if (behaviour.refusal !== undefined) {
    send({ refusal: behaviour.refusal }, null);
  } else {
    const pieces = splitIntoChunks(content, behaviour.chunkSize ?? 8);
    for (const [index, piece] of pieces.entries()) {
      // Stalls forever: only the client's abort or close() ends this response.
      if (behaviour.stallAfterChunks !== undefined && index >= behaviour.stallAfterChunks) return;
      send({ content: piece }, null);
      if (!(await delays.wait(response, behaviour.chunkDelayMs))) return;
    }
    if (behaviour.stallAfterChunks !== undefined && pieces.length <= behaviour.stallAfterChunks) return;
  }
  if (behaviour.endWithoutFinish === true) {
    response.end();
    return;
  }
  send({}, behaviour.finishReason ?? 'stop');
  response.end('data: [DONE]\n\n');
}

async function answer(
  delays: Delays,
  id: string,
  recorded: RecordedRequest,
  behaviour: StandinBehaviour,
  response: ServerResponse,
) {
  if (!(await delays.wait(response, behaviour.headerDelayMs))) return;
  if (await answerPlainly(delays, behaviour, response)) return;
  const content =
    typeof behaviour.content === 'function'
      ? behaviour.content(recorded)
      : (behaviour.content ?? '{"text":"ok"}');
  if (recorded.stream) await answerStream(delays, id, content, behaviour, response);
  else await answerWhole(delays, id, content, behaviour, response);
}

/** Starts a local OpenAI-compatible server on 127.0.0.1 with a free port. */
export async function startOpenAIStandin(): Promise<OpenAIStandin> {
  const requests: RecordedRequest[] = [];
  const delays = new Delays();
  const responses = new Set<ServerResponse>();
  let behave: (request: RecordedRequest) => StandinBehaviour = () => ({});

  const server = createServer((request, response) => {
    responses.add(response);
    response.once('close', () => responses.delete(response));
    void (async () => {
      const rawBody = await readBody(request);
      if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const body = parseJson(rawBody);
      const recorded: RecordedRequest = {
        method: request.method,
        url: request.url,
        headers: request.headers,
        body,
        rawBody,
        stream: isStreamRequest(body),
        clientAborted: false,
      };
      requests.push(recorded);
      response.once('close', () => {
        if (!response.writableFinished) recorded.clientAborted = true;
      });
      await answer(delays, `chatcmpl-standin-${requests.length}`, recorded, behave(recorded), response);
    })().catch(() => {
      response.destroy();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    setBehaviour(behaviour) {
      behave = typeof behaviour === 'function' ? behaviour : () => behaviour;
    },
    reset() {
      requests.length = 0;
      behave = () => ({});
    },
    async close() {
      delays.clear();
      for (const response of responses) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      });
    },
  };
}

/** Short name for {@link startOpenAIStandin}. */
export { startOpenAIStandin as start };
