import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { MessageBook } from '../../core/messages.js';
import type { Answer } from '../../core/types.js';

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
  /** The text to show instead of the template (an accepted LLM phrasing). */
  readonly text?: string | undefined;
  /** The text is a model's rewording: the footer says so. */
  readonly reworded?: boolean | undefined;
}

/** Clarify buttons offered at most (Discord allows 5 per row; the engine offers up to 3). */
const CLARIFY_BUTTONS = 3;

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

function sourceFields(answer: Answer, book: MessageBook, budget: number): APIEmbedField[] {
  const label = book.get('label.sources', answer.language);
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
    const more = book.get('discord.sources.more', answer.language, { count: lines.length - shown });
    const last = fields[fields.length - 1]!;
    if (last.value.length + more.length + 1 <= LIMITS.fieldValue) last.value = `${last.value}\n${more}`;
  }
  return fields;
}

/** The small print: what (추정) means, and that a model worded the text. */
function footerText(answer: Answer, book: MessageBook, reworded: boolean): string | undefined {
  const parts: string[] = [];
  if (answer.hasInferred) parts.push(book.get('discord.footer.inferred', answer.language));
  if (reworded) parts.push(book.get('discord.footer.reworded', answer.language));
  return parts.length > 0 ? truncate(parts.join(' · '), LIMITS.footer) : undefined;
}

function colorOf(answer: Answer): number {
  if (answer.verdict === 'allowed') return COLORS.allowed;
  if (answer.verdict === 'not_allowed') return COLORS.not_allowed;
  if (answer.verdict === 'unknown' || answer.status === 'unknown_fact') return COLORS.unknown;
  return COLORS.info;
}

/** The answer's text over as many embeds as it needs, then its sources and small print. */
function buildEmbeds(answer: Answer, book: MessageBook, options: ReplyOptions): APIEmbed[] {
  const color = colorOf(answer);
  const text = options.text ?? answer.text;
  const title =
    options.title !== undefined
      ? truncate(defuseMentions(options.title.replace(/\s+/g, ' ').trim()), LIMITS.embedTitle)
      : undefined;
  const footer = footerText(answer, book, options.reworded === true);

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
  const fields = sourceFields(answer, book, LIMITS.embedsTotal - used);
  if (fields.length > 0) last.fields = fields.slice(0, LIMITS.fields);
  if (footer) last.footer = { text: footer };
  return embeds;
}

type Row = ReplyPayload['components'][number];

/** "Did you mean…": one button per reading; pressing one asks its question. */
function clarifyRow(answer: Answer, key: string): Row {
  return {
    type: ComponentType.ActionRow,
    components: answer.candidates.slice(0, CLARIFY_BUTTONS).map((c, i) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      custom_id: `clarify:${key}:${i}`,
      label: truncate(c.label, 80),
    })),
  };
}

/** The project picker, when a name fits several projects. */
function pickRow(answer: Answer, book: MessageBook, key: string): Row {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: `pick:${key}`,
        placeholder: book.get('discord.menu.pickProject', answer.language),
        options: answer.candidates.slice(0, 25).map((c) => ({ label: truncate(c.label, 100), value: c.id })),
      },
    ],
  };
}

/** 👍/👎, and "share in channel" for a private answer. */
function feedbackRow(answer: Answer, book: MessageBook, key: string, shareable: boolean): Row {
  const label = (name: string) => book.get(`discord.button.${name}`, answer.language);
  const row: APIComponentInMessageActionRow[] = [
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: `fb:up:${key}`,
      label: label('helpful'),
      emoji: { name: '👍' },
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: `fb:down:${key}`,
      label: label('notHelpful'),
      emoji: { name: '👎' },
    },
  ];
  if (shareable) {
    row.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      custom_id: `share:${key}`,
      label: label('share'),
    });
  }
  return { type: ComponentType.ActionRow, components: row };
}

/**
 * An answer as a Discord message: embeds within every limit (text split over several embeds,
 * sources as links, inferred facts explained), feedback and share buttons, a button per reading
 * of an unclear question, a select menu for candidate projects, and mentions disabled.
 */
export function buildReply(answer: Answer, book: MessageBook, options: ReplyOptions = {}): ReplyPayload {
  const embeds = buildEmbeds(answer, book, options);
  const components: Row[] = [];
  const key = options.answerKey;
  if (key !== undefined && answer.candidates.length > 0)
    components.push(answer.status === 'clarify' ? clarifyRow(answer, key) : pickRow(answer, book, key));
  if (key !== undefined && answer.status !== 'rejected')
    components.push(feedbackRow(answer, book, key, options.shareable === true));
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
