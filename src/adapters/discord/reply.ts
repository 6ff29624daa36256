import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Answer, Language } from '../../core/types.js';

/** Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embedDescription: 4096,
  embedTitle: 256,
  fieldValue: 1024,
  fields: 25,
  embedsTotal: 6000,
  embeds: 10,
  footer: 2048,
} as const;

const COLORS = { allowed: 0x2e9e5b, not_allowed: 0xd04545, unknown: 0x8a8f98, info: 0x3b6fd1 } as const;

export interface ReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Never parse mentions: no reply may ping anyone, whatever text it carries. */
  allowedMentions: { parse: []; repliedUser: false };
}

export interface ReplyOptions {
  /** Key of the stored request, for the buttons. */
  readonly answerKey?: string | undefined;
  /** Offer a button that posts the same answer in the channel. */
  readonly shareable?: boolean;
  /** Shown as the embed title (e.g. the question); mentions in it are defused. */
  readonly title?: string | undefined;
  /** Wording came from a model: adds the small-print notice. */
  readonly modelNotice?: string | undefined;
  /** The text to show instead of the template (an accepted LLM phrasing). */
  readonly text?: string | undefined;
}

/** Length in code points (what Discord counts), without building an array. */
function codePoints(text: string): number {
  let surrogates = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff) surrogates++;
  }
  return text.length - surrogates;
}

/** Cuts text to `max` characters (code points) at a line or word break, marking the cut. */
export function truncate(text: string, max: number): string {
  if (codePoints(text) <= max) return text;
  const chars = [...text];
  const cut = chars.slice(0, max - 1).join('');
  const breakAt = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf(' '));
  return `${breakAt > max * 0.6 ? cut.slice(0, breakAt) : cut}…`;
}

/** Splits text into pieces of at most `max` characters, at line breaks where possible. */
export function splitText(text: string, max: number): string[] {
  // Most answers fit in one piece: no splitting work at all.
  if (codePoints(text) <= max) return text === '' ? [] : [text];
  const pieces: string[] = [];
  let current = '';
  let currentLength = 0;
  for (const line of text.split('\n')) {
    const lineLength = codePoints(line);
    const candidateLength = current === '' ? lineLength : currentLength + 1 + lineLength;
    if (candidateLength <= max) {
      current = current === '' ? line : `${current}\n${line}`;
      currentLength = candidateLength;
      continue;
    }
    if (current !== '') pieces.push(current);
    current = line;
    while (codePoints(current) > max) {
      const head = truncate(current, max);
      pieces.push(head);
      current = [...current].slice([...head].length - 1).join('');
    }
    currentLength = codePoints(current);
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Makes "@everyone", "@here" and raw mention syntax inert in text that came from a user. */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<(@[!&]?|#)(\d+)>/g, '<\u200b$1$2>');
}

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

function sourceFields(answer: Answer, budget: number): APIEmbedField[] {
  const label = answer.language === 'ko' ? '출처' : 'Sources';
  const lines = answer.sources.map((s) => `• [${truncate(s.title.replace(/[[\]]/g, ''), 120)}](${s.url})`);
  const fields: APIEmbedField[] = [];
  let current: string[] = [];
  let used = 0;
  const flush = () => {
    if (current.length === 0) return;
    const name = fields.length === 0 ? label : `${label} (${fields.length + 1})`;
    fields.push({ name, value: current.join('\n') });
    used += name.length + current.join('\n').length;
    current = [];
  };
  for (const line of lines) {
    if (used + [...current, line].join('\n').length + label.length + 4 > budget) break;
    if ([...current, line].join('\n').length > LIMITS.fieldValue) flush();
    current.push(line);
  }
  flush();
  const shown = fields.reduce((n, f) => n + f.value.split('\n').length, 0);
  if (shown < lines.length && fields.length > 0) {
    const more =
      answer.language === 'ko'
        ? `외 ${lines.length - shown}건: /sources`
        : `+${lines.length - shown} more: /sources`;
    const last = fields[fields.length - 1]!;
    if (last.value.length + more.length + 1 <= LIMITS.fieldValue) last.value = `${last.value}\n${more}`;
  }
  return fields;
}

function footerText(answer: Answer, language: Language, modelNotice: string | undefined): string | undefined {
  const parts: string[] = [];
  if (answer.hasInferred) {
    parts.push(
      language === 'ko' ? '(추정) = 출처에서 추론한 내용' : '(inferred) = reasoned from sources, not stated',
    );
  }
  if (modelNotice) parts.push(modelNotice.replace(/^-#\s*/, ''));
  return parts.length > 0 ? truncate(parts.join(' · '), LIMITS.footer) : undefined;
}

/** The labels of the buttons, in the reply language. */
const BUTTONS = {
  ko: { share: '채널에 공유', helpful: '도움됨', notHelpful: '아쉬움', pick: '사업을 고르세요' },
  en: { share: 'Share in channel', helpful: 'Helpful', notHelpful: 'Not helpful', pick: 'Pick a project' },
} as const;

/**
 * An answer as a Discord message: embeds within every limit (text split over several embeds,
 * sources as links, inferred facts explained), feedback and share buttons, a select menu for
 * candidates, and mentions disabled.
 */
export function buildReply(answer: Answer, options: ReplyOptions = {}): ReplyPayload {
  const language = answer.language;
  const color =
    answer.verdict === 'allowed'
      ? COLORS.allowed
      : answer.verdict === 'not_allowed'
        ? COLORS.not_allowed
        : answer.verdict === 'unknown' || answer.status === 'unknown_fact'
          ? COLORS.unknown
          : COLORS.info;
  const text = options.text ?? answer.text;
  const title =
    options.title !== undefined
      ? truncate(defuseMentions(options.title.replace(/\s+/g, ' ').trim()), LIMITS.embedTitle)
      : undefined;
  const footer = footerText(answer, language, options.modelNotice);

  // Text first, within the 6,000 total; the sources take what is left.
  const reserve = Math.min(1200, 300 + answer.sources.length * 140);
  const textBudget = LIMITS.embedsTotal - reserve - (title?.length ?? 0) - (footer?.length ?? 0);
  const pieces = splitText(truncate(text, textBudget), LIMITS.embedDescription).slice(0, LIMITS.embeds);
  const embeds: APIEmbed[] = pieces.map((description, i) => ({
    color,
    ...(i === 0 && title ? { title } : {}),
    description,
  }));
  const used = embeds.reduce((n, e) => n + embedLength(e), 0) + (footer?.length ?? 0);
  const last = embeds[embeds.length - 1]!;
  const fields = sourceFields(answer, LIMITS.embedsTotal - used);
  if (fields.length > 0) last.fields = fields.slice(0, LIMITS.fields);
  if (footer) last.footer = { text: footer };

  const components: ReplyPayload['components'] = [];
  const labels = BUTTONS[language];
  if (answer.candidates.length > 0 && options.answerKey) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: `pick:${options.answerKey}`,
          placeholder: labels.pick,
          options: answer.candidates
            .slice(0, 25)
            .map((c) => ({ label: truncate(c.label, 100), value: c.id })),
        },
      ],
    });
  }
  if (options.answerKey && answer.status !== 'rejected') {
    const row: APIComponentInMessageActionRow[] = [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: `fb:up:${options.answerKey}`,
        label: labels.helpful,
        emoji: { name: '👍' },
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: `fb:down:${options.answerKey}`,
        label: labels.notHelpful,
        emoji: { name: '👎' },
      },
    ];
    if (options.shareable) {
      row.push({
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        custom_id: `share:${options.answerKey}`,
        label: labels.share,
      });
    }
    components.push({ type: ComponentType.ActionRow, components: row });
  }
  return { embeds, components, allowedMentions: { parse: [], repliedUser: false } };
}

/** A short text reply (errors, rate limits, thanks), mentions disabled. */
export function buildNotice(text: string): ReplyPayload {
  return {
    content: truncate(text, LIMITS.content),
    embeds: [],
    components: [],
    allowedMentions: { parse: [], repliedUser: false },
  };
}
