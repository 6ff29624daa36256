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
import type { BriefingRecord, QuestionView } from '../../briefing/model.js';
import type { SubmitOutcome } from '../../briefing/service.js';
import type { Language } from '../../core/types.js';
import { buildNotice, buildReply, defuseMentions, truncate, type ReplyPayload } from './reply.js';

/** Custom-id prefix of every briefing component: `bq:<action>:<briefing>[:<question>]`. */
export const BRIEFING_PREFIX = 'bq';
/** Questions with a vote button on the queue message (two rows of five). */
const VOTE_BUTTONS = 10;
/** Questions listed on the queue message. */
const LISTED = 15;

/** What the live briefing Q&A says, in Korean and English. */
export const T = {
  ko: {
    organisersOnly: '설명회 진행자(서버 관리 또는 이벤트 관리 권한, 또는 진행자 역할)만 할 수 있습니다.',
    adminsOnly: '서버 관리 권한이 있는 사람만 진행자 역할을 정할 수 있습니다.',
    roleSet: (role: string) => `이 서버의 설명회 진행자 역할을 ${role}(으)로 정했습니다.`,
    roleCleared: '진행자 역할을 지웠습니다. 이제 서버 관리 또는 이벤트 관리 권한이 있는 사람만 진행자입니다.',
    missingPermissions: (names: string) =>
      `이 채널에서 봇에게 다음 권한이 있어야 설명회를 열 수 있습니다: ${names}`,
    guildOnly: '서버의 채널에서만 쓸 수 있습니다.',
    started: (title: string) => `설명회 질문 받기를 시작했습니다: ${title}`,
    boardLinks: (viewer: string, organiser: string) =>
      `발표 화면(질문 보드): ${viewer}\n진행자 화면(고정·답변·넘기기): ${organiser}\n두 링크는 설명회를 마친 뒤 24시간까지 열립니다. 진행자 링크는 공유하지 마세요.`,
    archiveLink: (url: string) => `질문과 답변 기록(이름 없음, 계속 열림): ${url}`,
    alreadyRunning: (title: string) => `이 채널에서 이미 설명회가 진행 중입니다: ${title}`,
    notRunning: '이 채널에서 진행 중인 설명회가 없습니다.',
    noBriefing: '이 채널에는 설명회 기록이 없습니다.',
    stopped: (n: number) =>
      `설명회를 마쳤습니다. 질문 ${n}건이 기록되었습니다. /설명회-질문 내보내기 로 파일을 받을 수 있습니다.`,
    exported: (n: number) => `질문 ${n}건을 CSV와 Markdown 파일로 내보냈습니다.`,
    queued: '질문이 대기열에 올라갔습니다. 다른 참가자들의 공감 수에 따라 순서가 정해집니다.',
    merged: '같은 질문이 이미 대기열에 있어 공감 1표로 더했습니다.',
    repeat: '이미 올린 질문입니다.',
    autoAnswered: '지식 베이스에 답이 있어 바로 답변드립니다. (진행자에게는 새 질문만 전달됩니다)',
    limited: (s: number) => `질문을 너무 자주 올리고 있습니다. ${s}초 후에 다시 올려 주세요.`,
    invalid: {
      empty: '질문이 비어 있습니다.',
      too_long: (max: number) => `질문이 너무 깁니다. ${max}자 이내로 줄여 주세요.`,
      mentions: '멘션이 너무 많은 질문은 받을 수 없습니다. 멘션을 빼고 다시 올려 주세요.',
      no_words: '글자가 있는 질문을 올려 주세요.',
    },
    voteAdded: '공감 1표를 더했습니다. 다시 누르면 취소됩니다.',
    voteWithdrawn: '공감을 취소했습니다.',
    notOpen: '이 질문은 더 이상 투표를 받지 않습니다.',
    unknownQuestion: '이 질문을 찾을 수 없습니다.',
    manage: (text: string) => `선택한 질문: ${text}`,
    answered: '답변 완료로 표시했습니다.',
    dismissed: '질문을 넘겼습니다(답변하지 않음).',
    pinned: '지금 답변 중인 질문으로 고정했습니다.',
    notApplicable: (status: string) => `이미 처리된 질문입니다 (${status}).`,
    queueTitle: (title: string, ended: boolean) => `🙋 ${title}${ended ? ' (종료)' : ''} — 질문 대기열`,
    empty:
      '아직 대기 중인 질문이 없습니다. `/설명회-질문 질문` 으로 질문하거나 이 채널에 질문을 올려 주세요.',
    more: (n: number) => `외 ${n}건`,
    footer: (queued: number, auto: number, answered: number, total: number) =>
      `대기 ${queued} · 자동 답변 ${auto} · 답변 완료 ${answered} · 전체 ${total}`,
    pin: '📌 지금 답변 중',
    managePlaceholder: '진행자: 질문 관리',
    answer: '답변 완료',
    dismiss: '넘기기',
    pinButton: '지금 답변 중으로 고정',
    modalTitle: '답변 완료 표시',
    modalLabel: '짧은 답변 (선택, 채널에 게시됩니다)',
    answerPost: (q: string, a: string) => `**Q.** ${q}\n**A.** ${a}`,
  },
  en: {
    organisersOnly:
      'Only briefing organisers (Manage Server or Manage Events, or the organiser role) can do that.',
    adminsOnly: 'Only members with Manage Server can set the organiser role.',
    roleSet: (role: string) => `The briefing organiser role of this server is now ${role}.`,
    roleCleared:
      'The organiser role is cleared: organisers are now members with Manage Server or Manage Events.',
    missingPermissions: (names: string) =>
      `To run a briefing here the bot needs these permissions in this channel: ${names}`,
    guildOnly: 'This works in a server channel only.',
    started: (title: string) => `Started taking questions for: ${title}`,
    boardLinks: (viewer: string, organiser: string) =>
      `Presenter board: ${viewer}\nOrganiser board (pin, answer, dismiss): ${organiser}\nBoth links work until 24 h after the briefing stops. Do not share the organiser link.`,
    archiveLink: (url: string) => `Questions and answers, without names (a lasting link): ${url}`,
    alreadyRunning: (title: string) => `A briefing is already running in this channel: ${title}`,
    notRunning: 'No briefing is running in this channel.',
    noBriefing: 'This channel has no briefing yet.',
    stopped: (n: number) =>
      `The briefing is over. ${n} questions were recorded. Use /briefing-qa export for the files.`,
    exported: (n: number) => `Exported ${n} questions as CSV and Markdown.`,
    queued: 'Your question is in the queue. Votes from other attendees decide its place.',
    merged: 'The same question is already queued, so it got your vote instead.',
    repeat: 'You already asked this question.',
    autoAnswered:
      'The knowledge base has the answer, so here it is right away (presenters only see new questions).',
    limited: (s: number) => `You're submitting questions too fast. Please try again in ${s} s.`,
    invalid: {
      empty: 'The question is empty.',
      too_long: (max: number) => `The question is too long. Please keep it within ${max} characters.`,
      mentions:
        'Questions with that many mentions are not accepted. Please remove the mentions and ask again.',
      no_words: 'Please ask a question with words in it.',
    },
    voteAdded: 'Your vote is recorded. Press again to withdraw it.',
    voteWithdrawn: 'Your vote was withdrawn.',
    notOpen: 'This question no longer takes votes.',
    unknownQuestion: 'That question cannot be found.',
    manage: (text: string) => `Selected question: ${text}`,
    answered: 'Marked as answered.',
    dismissed: 'Question dismissed.',
    pinned: 'Pinned as the question being answered now.',
    notApplicable: (status: string) => `That question is already handled (${status}).`,
    queueTitle: (title: string, ended: boolean) => `🙋 ${title}${ended ? ' (ended)' : ''} — question queue`,
    empty: 'No questions waiting yet. Ask with `/briefing-qa ask` or post your question in this channel.',
    more: (n: number) => `+${n} more`,
    footer: (queued: number, auto: number, answered: number, total: number) =>
      `waiting ${queued} · auto-answered ${auto} · answered ${answered} · total ${total}`,
    pin: '📌 answering now',
    managePlaceholder: 'Organisers: manage a question',
    answer: 'Mark answered',
    dismiss: 'Dismiss',
    pinButton: 'Pin as answering now',
    modalTitle: 'Mark answered',
    modalLabel: 'Short answer (optional, posted in the channel)',
    answerPost: (q: string, a: string) => `**Q.** ${q}\n**A.** ${a}`,
  },
} as const;

export const MAX_QUESTION = 500;

export function languageOf(locale: string | null | undefined): Language {
  return locale?.startsWith('ko') ? 'ko' : 'en';
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
  briefing: BriefingRecord,
  queue: readonly QuestionView[],
  views: readonly QuestionView[],
): ReplyPayload {
  const t = T[briefing.language];
  const ended = briefing.stoppedAt !== null;
  const lines = queue
    .slice(0, LISTED)
    .map(
      (v, i) =>
        `**${i + 1}.** ${v.pinned ? `${t.pin} · ` : ''}${oneLine(v.question.text, 200)} — ▲ ${v.votes.length}`,
    );
  if (queue.length > LISTED) lines.push(t.more(queue.length - LISTED));
  const count = (status: QuestionView['status']) => views.filter((v) => v.status === status).length;
  const embed: APIEmbed = {
    color: 0x3b6fd1,
    title: truncate(t.queueTitle(oneLine(briefing.title, 150), ended), 256),
    description: lines.length > 0 ? lines.join('\n') : t.empty,
    footer: { text: t.footer(queue.length, count('auto'), count('answered'), views.length) },
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
            placeholder: t.managePlaceholder,
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

type Texts = (typeof T)[Language];

/** What an attendee is told about a question they submitted. */
export function submitText(language: Language, outcome: Exclude<SubmitOutcome, { kind: 'auto' }>): string {
  const t = T[language];
  switch (outcome.kind) {
    case 'queued':
      return t.queued;
    case 'merged':
      return t.merged;
    case 'repeat':
      return t.repeat;
    case 'limited':
      return t.limited(Math.ceil(outcome.retryAfterMs / 1000));
    case 'not_running':
      return t.notRunning;
    case 'invalid':
      return outcome.reason === 'too_long' ? t.invalid.too_long(MAX_QUESTION) : t.invalid[outcome.reason];
  }
}

/** The private answer to a question the knowledge base answers at once. */
export function autoReply(
  language: Language,
  outcome: Extract<SubmitOutcome, { kind: 'auto' }>,
  question: string,
): ReplyPayload {
  const reply = buildReply(outcome.answer, { title: question });
  return { ...reply, content: T[language].autoAnswered };
}

/** The organiser's buttons for one picked question: answer, dismiss, pin. */
export function manageButtons(
  t: Texts,
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
        button('a', ButtonStyle.Success, t.answer),
        button('d', ButtonStyle.Secondary, t.dismiss),
        button('p', ButtonStyle.Primary, t.pinButton),
      ],
    },
  ];
}

/** The form for marking a question answered, with an optional short answer. */
export function answerForm(
  t: Texts,
  briefingId: string,
  questionId: string,
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${BRIEFING_PREFIX}:am:${briefingId}:${questionId}`,
    title: t.modalTitle,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: 'answer',
            label: t.modalLabel,
            style: TextInputStyle.Paragraph,
            required: false,
            max_length: 1000,
          },
        ],
      },
    ],
  };
}
