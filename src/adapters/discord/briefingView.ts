import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import type { AnswerPath } from '../../answering/answerPath.js';
import type { BriefingRecord, QuestionView } from '../../briefing/model.js';
import type { SubmitOutcome } from '../../briefing/service.js';
import { DEFAULT_LIMITS } from '../../briefing/model.js';
import type { MessageBook } from '../../core/messages.js';
import type { Answer, Language } from '../../core/types.js';
import { buildNotice, buildReply, defuseMentions, truncate, type ReplyPayload } from './reply.js';

/** Custom-id prefix of every briefing component: `bq:<action>:<briefing>[:<question>]`. */
export const BRIEFING_PREFIX = 'bq';
/** Questions with a vote button on the queue message (two rows of five). */
const VOTE_BUTTONS = 10;
/** Questions listed on the queue message. */
const LISTED = 15;

/** A sentence of the live briefing Q&A (`briefingQa.*` in knowledge/messages.yaml) in one language. */
export type Say = (key: string, values?: Readonly<Record<string, string | number>>) => string;

/** The briefing sentences in `language`. */
export function sayIn(book: MessageBook, language: Language): Say {
  return (key, values = {}) => book.get(`briefingQa.${key}`, language, values);
}

export function ephemeral(payload: ReplyPayload) {
  return {
    ...(payload.content !== undefined ? { content: payload.content } : {}),
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: payload.allowedMentions,
    flags: MessageFlags.Ephemeral as const,
  };
}

export function notice(text: string) {
  return ephemeral(buildNotice(text));
}

export function oneLine(text: string, max: number): string {
  return truncate(defuseMentions(text.replace(/\s+/g, ' ').trim()), max);
}

/** The queue message: the top questions by votes, vote buttons, and the organisers' menu. */
export function buildQueueMessage(
  book: MessageBook,
  briefing: BriefingRecord,
  queue: readonly QuestionView[],
  views: readonly QuestionView[],
): ReplyPayload {
  const say = sayIn(book, briefing.language);
  const ended = briefing.stoppedAt !== null;
  const lines = queue
    .slice(0, LISTED)
    .map(
      (v, i) =>
        `**${i + 1}.** ${v.pinned ? `${say('pin')} · ` : ''}${oneLine(v.question.text, 200)} — ▲ ${v.votes.length}`,
    );
  if (queue.length > LISTED) lines.push(say('more', { count: queue.length - LISTED }));
  const count = (status: QuestionView['status']) => views.filter((v) => v.status === status).length;
  const embed: APIEmbed = {
    color: 0x3b6fd1,
    title: truncate(
      say(ended ? 'queueTitle.ended' : 'queueTitle', { title: oneLine(briefing.title, 150) }),
      256,
    ),
    description: lines.length > 0 ? lines.join('\n') : say('empty'),
    footer: {
      text: say('footer', {
        queued: queue.length,
        auto: count('auto'),
        answered: count('answered'),
        total: views.length,
      }),
    },
  };
  const components: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  if (!ended) {
    const voteable = queue.slice(0, VOTE_BUTTONS);
    for (let row = 0; row * 5 < voteable.length; row++) {
      components.push({
        type: ComponentType.ActionRow,
        components: voteable.slice(row * 5, row * 5 + 5).map((v, i) => ({
          type: ComponentType.Button,
          style: v.pinned ? ButtonStyle.Success : ButtonStyle.Secondary,
          custom_id: `${BRIEFING_PREFIX}:v:${briefing.id}:${v.question.id}`,
          label: `${row * 5 + i + 1} ▲ ${v.votes.length}`,
        })),
      });
    }
    if (queue.length > 0) {
      components.push({
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.StringSelect,
            custom_id: `${BRIEFING_PREFIX}:m:${briefing.id}`,
            placeholder: say('managePlaceholder'),
            options: queue.slice(0, 25).map((v, i) => ({
              label: truncate(`${i + 1}. ${v.question.text.replace(/\s+/g, ' ')}`, 100),
              value: v.question.id,
            })),
          },
        ],
      });
    }
  }
  return { embeds: [embed], components, allowedMentions: { parse: [], repliedUser: false } };
}

/** What an attendee is told about a question they submitted. */
export function submitText(say: Say, outcome: Exclude<SubmitOutcome, { kind: 'auto' }>): string {
  switch (outcome.kind) {
    case 'queued':
    case 'merged':
    case 'repeat':
      return say(outcome.kind);
    case 'limited':
      return say('limited', { seconds: Math.ceil(outcome.retryAfterMs / 1000) });
    case 'not_running':
      return say('notRunning');
    case 'invalid':
      return say(`invalid.${outcome.reason}`, { max: DEFAULT_LIMITS.maxLength });
  }
}

/**
 * The private answer to a question the knowledge base answers at once, worded on the one answer
 * path (reworded when phrasing is on).
 */
export async function autoReply(
  o: { readonly path: AnswerPath; readonly book: MessageBook },
  language: Language,
  answer: Answer,
  question: string,
): Promise<ReplyPayload> {
  const reply = await o.path.word(answer, question);
  const payload = buildReply(reply.answer, o.book, {
    title: question,
    text: reply.text,
    reworded: reply.phrasing === 'model',
  });
  return { ...payload, content: sayIn(o.book, language)('autoAnswered') };
}

/** The organiser's buttons for one picked question: answer, dismiss, pin. */
export function manageButtons(
  say: Say,
  briefingId: string,
  questionId: string,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const button = (
    action: string,
    style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success,
    label: string,
  ): APIComponentInMessageActionRow => ({
    type: ComponentType.Button,
    style,
    custom_id: `${BRIEFING_PREFIX}:${action}:${briefingId}:${questionId}`,
    label,
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button('a', ButtonStyle.Success, say('answer')),
        button('d', ButtonStyle.Secondary, say('dismiss')),
        button('p', ButtonStyle.Primary, say('pinButton')),
      ],
    },
  ];
}

/** The form for marking a question answered, with an optional short answer. */
export function answerForm(
  say: Say,
  briefingId: string,
  questionId: string,
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${BRIEFING_PREFIX}:am:${briefingId}:${questionId}`,
    title: say('modalTitle'),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: 'answer',
            label: say('modalLabel'),
            style: TextInputStyle.Paragraph,
            required: false,
            max_length: 1000,
          },
        ],
      },
    ],
  };
}
