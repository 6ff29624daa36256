import { MessageFlags } from 'discord.js';
import type { Language } from '../../core/types.js';
import { buildNotice, type ReplyPayload } from './reply.js';

/** The short sentences the Discord adapter itself says (answers come from the engine). */
export const NOTICES = {
  ko: {
    error: '죄송합니다. 답변을 만드는 중에 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.',
    rateLimited: (s: number) => `질문이 너무 잦습니다. ${s}초 후에 다시 물어봐 주세요.`,
    expired: '이 답변의 버튼이 만료되었습니다. 다시 질문해 주세요.',
    thanks: (up: boolean) =>
      up
        ? '의견 고맙습니다! 👍 을 기록했습니다.'
        : '의견 고맙습니다. 👎 을 기록했습니다. 부족한 점은 지식 베이스 보완에 씁니다.',
    withdrawn: '같은 의견을 다시 눌러 취소했습니다.',
    unknownCommand: '알 수 없는 명령입니다. /도움말 을 확인해 주세요.',
    unknownComponent: '더 이상 쓸 수 없는 버튼이나 양식입니다. 명령을 다시 실행해 주세요.',
    invalidNumber: (name: string, min: number, max: number) =>
      `${name} 값은 ${min}부터 ${max.toLocaleString('ko-KR')}까지의 숫자로 적어 주세요.`,
    invalidChoice: (name: string) => `${name} 값은 목록에서 골라 주세요.`,
  },
  en: {
    error: 'Sorry, something went wrong while answering. Please try again in a moment.',
    rateLimited: (s: number) => `You're asking too fast. Please try again in ${s} s.`,
    expired: 'The buttons of this answer have expired. Please ask again.',
    thanks: (up: boolean) =>
      up
        ? 'Thanks! Your 👍 is recorded.'
        : 'Thanks. Your 👎 is recorded and helps us improve the knowledge base.',
    withdrawn: 'You pressed the same vote again, so it was withdrawn.',
    unknownCommand: 'Unknown command. See /help.',
    unknownComponent: 'That button or form is no longer available. Please run the command again.',
    invalidNumber: (name: string, min: number, max: number) =>
      `"${name}" must be a number from ${min} to ${max.toLocaleString('en-US')}.`,
    invalidChoice: (name: string) => `Please pick "${name}" from the list.`,
  },
} as const;

/** Discord locales starting with "ko" get Korean; everyone else English. */
export function languageOfLocale(locale: string | null | undefined): Language {
  return locale?.startsWith('ko') ? 'ko' : 'en';
}

/** A reply payload as discord.js takes it (private when `ephemeral`). */
export function toDiscord(payload: ReplyPayload, ephemeral: boolean) {
  return {
    ...(payload.content !== undefined ? { content: payload.content } : {}),
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: payload.allowedMentions,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

/** A short private notice. */
export function privateNotice(text: string) {
  return toDiscord(buildNotice(text), true);
}
