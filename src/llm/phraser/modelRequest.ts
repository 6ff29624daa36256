/**
 * One request to an OpenAI-compatible model, within a budget for the whole response: slow headers, a slow
 * body and a stalled stream are all cut. No retries.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { z } from 'zod';

import type { DecidedAnswer } from '../types.js';
import type { PhrasingFailure } from './phraser.js';
import { buildMessages, parseRewording, type Attempt, type ModelReply } from './prompt.js';

/** How to reach the model. */
export interface ModelSettings {
  readonly client: Pick<OpenAI, 'chat'>;
  readonly model: string;
  readonly budgetMs: number;
  readonly stream: boolean;
  readonly maxCompletionTokens: number;
  readonly temperature: number | undefined;
}

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
});

const chunkSchema = z.object({
  choices: z.array(
    z.object({
      delta: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }).nullish(),
      finish_reason: z.string().nullish(),
    }),
  ),
});

class BudgetExceededError extends Error {
  constructor(budgetMs: number) {
    super(`no complete response within ${budgetMs} ms`);
    this.name = 'BudgetExceededError';
  }
}

class MalformedReplyError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'MalformedReplyError';
  }
}

function classifyError(error: unknown, aborted: boolean): { reason: PhrasingFailure; detail: string } {
  const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
  if (aborted || error instanceof BudgetExceededError || error instanceof APIConnectionTimeoutError) {
    return { reason: 'timeout', detail };
  }
  // Only the budget aborts a request, so an abort that slipped past the flag is a timeout too.
  if (error instanceof APIUserAbortError) return { reason: 'timeout', detail };
  if (error instanceof APIConnectionError) return { reason: 'connection_error', detail };
  if (error instanceof APIError) {
    const status: unknown = error.status;
    if (status === 429) return { reason: 'rate_limited', detail };
    if (typeof status === 'number' && status >= 500) return { reason: 'server_error', detail };
    return { reason: 'api_error', detail };
  }
  if (error instanceof SyntaxError || error instanceof MalformedReplyError)
    return { reason: 'malformed', detail };
  return { reason: 'error', detail };
}

async function requestOnce(
  settings: ModelSettings,
  body: ChatCompletionCreateParamsNonStreaming,
  signal: AbortSignal,
): Promise<ModelReply> {
  const completion: unknown = await settings.client.chat.completions.create(body, {
    signal,
    timeout: settings.budgetMs,
    maxRetries: 0,
  });
  const parsed = completionSchema.safeParse(completion);
  if (!parsed.success) throw new MalformedReplyError('response is not a chat completion');
  const choice = parsed.data.choices[0];
  return {
    content: choice?.message.content ?? '',
    refusal: choice?.message.refusal ?? '',
    finishReason: choice?.finish_reason ?? null,
  };
}

async function requestStreamed(
  settings: ModelSettings,
  body: ChatCompletionCreateParamsNonStreaming,
  signal: AbortSignal,
): Promise<ModelReply> {
  const stream = await settings.client.chat.completions.create(
    { ...body, stream: true },
    { signal, timeout: settings.budgetMs, maxRetries: 0 },
  );
  const reply: ModelReply = { content: '', refusal: '', finishReason: null };
  for await (const chunk of stream) {
    const parsed = chunkSchema.safeParse(chunk);
    if (!parsed.success) throw new MalformedReplyError('stream chunk is not a chat completion chunk');
    const choice = parsed.data.choices[0];
    reply.content += choice?.delta?.content ?? '';
    reply.refusal += choice?.delta?.refusal ?? '';
    reply.finishReason = choice?.finish_reason ?? reply.finishReason;
  }
  // The SDK ends an aborted stream quietly; a cut-off reply must not pass as a whole one.
  if (signal.aborted) throw new BudgetExceededError(settings.budgetMs);
  if (reply.finishReason === null) throw new MalformedReplyError('stream ended without a finish reason');
  return reply;
}

/** Asks the model to reword the answer once; never throws. */
export async function askModel(
  settings: ModelSettings,
  decided: DecidedAnswer,
  maxLength: number,
): Promise<Attempt> {
  const body: ChatCompletionCreateParamsNonStreaming = {
    model: settings.model,
    messages: buildMessages(decided, maxLength),
    response_format: { type: 'json_object' },
    max_completion_tokens: settings.maxCompletionTokens,
    ...(settings.temperature === undefined ? {} : { temperature: settings.temperature }),
  };
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // The SDK's own timeout stops at the headers; this deadline also covers a slow or stalled body.
  const deadline = new Promise<never>((_resolve, rejectDeadline) => {
    timer = setTimeout(() => {
      rejectDeadline(new BudgetExceededError(settings.budgetMs));
      controller.abort();
    }, settings.budgetMs);
  });
  try {
    const request = settings.stream
      ? requestStreamed(settings, body, controller.signal)
      : requestOnce(settings, body, controller.signal);
    return parseRewording(await Promise.race([request, deadline]));
  } catch (error) {
    return { ok: false, ...classifyError(error, controller.signal.aborted) };
  } finally {
    clearTimeout(timer);
  }
}
