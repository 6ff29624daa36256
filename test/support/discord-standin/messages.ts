import { EmbedType, MessageReferenceType } from 'discord.js';
import type {
  APIAttachment,
  APIEmbed,
  APIMessage,
  APIMessageTopLevelComponent,
  APIUser,
  MessageType,
} from 'discord.js';
import { Errors, type FormErrors } from './errors.js';
import { MessageFlagBits } from './validation.js';
import type { World } from './world.js';
import { asBitfield, isoNow, isRecord, type SnowflakeGenerator } from './util.js';

/** A file part of a multipart request (`files[n]`). */
export interface StoredFile {
  /** Form field name, e.g. `files[0]`. */
  key: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface MessageMeta {
  type: MessageType;
  author: APIUser;
  /** Flags the sender may set; anything else in `flags` is dropped. */
  allowedFlags: number;
  /** Flags forced on regardless of the body (e.g. LOADING for a deferred reply). */
  extraFlags?: number;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: APIMessage['interaction_metadata'];
  interaction?: APIMessage['interaction'];
  referenced?: APIMessage;
}

interface Mentions {
  mentions: APIUser[];
  mention_roles: string[];
  mention_everyone: boolean;
}

const EDITABLE_FLAGS = MessageFlagBits.SuppressEmbeds | MessageFlagBits.IsComponentsV2;

// Discord derives content_type from the file name when the upload has no usable type (discord.js
// only sniffs magic bytes, so text formats such as CSV arrive untyped).
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function contentTypeOf(file: StoredFile): string {
  if (file.contentType !== '' && file.contentType !== 'application/octet-stream') return file.contentType;
  const extension = file.filename.split('.').pop()?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/**
 * Every message the stand-in knows about (bot and simulated users), plus attachment bytes.
 * Stored message objects are mutated in place on edit so `botMessages` always shows current state.
 */
export class MessageStore {
  readonly byId = new Map<string, APIMessage>();
  readonly botMessages = new Map<string, APIMessage[]>();
  readonly files = new Map<string, StoredFile>();
  readonly #ephemeral = new Set<string>();
  readonly #nonces = new Map<string, string>();

  constructor(
    private readonly world: World,
    private readonly ids: SnowflakeGenerator,
    private readonly attachmentBaseUrl: () => string,
  ) {}

  isEphemeral(messageId: string): boolean {
    return this.#ephemeral.has(messageId);
  }

  /** Looks up a message the sender sent earlier with `enforce_nonce` (Discord dedupes those). */
  findByNonce(channelId: string, body: Record<string, unknown>): APIMessage | undefined {
    if (body.enforce_nonce !== true || (typeof body.nonce !== 'string' && typeof body.nonce !== 'number'))
      return undefined;
    const id = this.#nonces.get(`${channelId}:${String(body.nonce)}`);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /**
   * Resolves the `attachments` array against uploaded `files[n]` parts and the message's existing
   * attachments. Returns undefined when the body leaves attachments untouched (edit without files).
   */
  resolveAttachments(
    errors: FormErrors,
    path: readonly (string | number)[],
    channelId: string,
    body: Record<string, unknown>,
    files: readonly StoredFile[],
    existing: readonly APIAttachment[],
  ): APIAttachment[] | undefined {
    const specs = body.attachments;
    if (!Array.isArray(specs)) {
      if (files.length === 0) return undefined;
      return [...existing, ...files.map((file) => this.storeFile(channelId, file))];
    }
    const result: APIAttachment[] = [];
    specs.forEach((spec, index) => {
      if (!isRecord(spec) || (typeof spec.id !== 'string' && typeof spec.id !== 'number')) {
        errors.add([...path, 'attachments', index, 'id'], 'BASE_TYPE_REQUIRED', 'This field is required');
        return;
      }
      const id = String(spec.id);
      const kept = existing.find((attachment) => attachment.id === id);
      if (kept) {
        result.push(kept);
        return;
      }
      const file = files.find((candidate) => candidate.key === `files[${id}]`);
      if (!file) {
        errors.add(
          [...path, 'attachments', index, 'id'],
          'ATTACHMENT_NOT_FOUND',
          `Attachment with id ${id} was not found in the request.`,
        );
        return;
      }
      const description = typeof spec.description === 'string' ? spec.description : undefined;
      result.push(this.storeFile(channelId, file, description));
    });
    return result;
  }

  /** Stores uploaded bytes (served under `/attachments/...`) and returns the attachment object. */
  storeFile(channelId: string, file: StoredFile, description?: string): APIAttachment {
    const id = this.ids.next();
    this.files.set(id, file);
    const url = `${this.attachmentBaseUrl()}/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
    return {
      id,
      filename: file.filename,
      size: file.data.length,
      url,
      proxy_url: url,
      content_type: contentTypeOf(file),
      ...(description === undefined ? {} : { description }),
    };
  }

  computeMentions(content: string, allowedMentions: unknown, repliedUser: APIUser | undefined): Mentions {
    const userIds = [...content.matchAll(/<@!?(\d{17,20})>/g)].map((match) => match[1] ?? '');
    const roleIds = [...content.matchAll(/<@&(\d{17,20})>/g)].map((match) => match[1] ?? '');
    const mentionsEveryone = /@(everyone|here)\b/.test(content);

    // Without allowed_mentions Discord parses everything (and pings the replied-to author).
    const allowed = isRecord(allowedMentions) ? allowedMentions : undefined;
    const parse =
      allowed && Array.isArray(allowed.parse) ? allowed.parse : allowed ? [] : ['users', 'roles', 'everyone'];
    const listed = (key: 'users' | 'roles'): Set<string> =>
      new Set(
        allowed && Array.isArray(allowed[key])
          ? allowed[key].filter((id): id is string => typeof id === 'string')
          : [],
      );
    const allowedUsers = listed('users');
    const allowedRoles = listed('roles');

    const users = new Map<string, APIUser>();
    for (const id of userIds) {
      const user = this.world.users.get(id);
      if (user && (parse.includes('users') || allowedUsers.has(id))) users.set(id, user);
    }
    if (repliedUser && (allowed === undefined || allowed.replied_user === true))
      users.set(repliedUser.id, repliedUser);
    const roles = roleIds.filter(
      (id) => this.world.roles.has(id) && (parse.includes('roles') || allowedRoles.has(id)),
    );
    return {
      mentions: [...users.values()],
      mention_roles: [...new Set(roles)],
      mention_everyone: mentionsEveryone && parse.includes('everyone'),
    };
  }

  /** Creates a message from an already validated body. Throws 50006 when it would be empty. */
  create(
    channelId: string,
    body: Record<string, unknown>,
    attachments: APIAttachment[] | undefined,
    meta: MessageMeta,
  ): APIMessage {
    const at = Date.now();
    const content = typeof body.content === 'string' ? body.content : '';
    const requestedFlags = typeof body.flags === 'number' ? body.flags : 0;
    const flags = (requestedFlags & meta.allowedFlags) | (meta.extraFlags ?? 0);
    const message: APIMessage = {
      id: this.ids.next(at),
      channel_id: channelId,
      author: meta.author,
      content,
      timestamp: isoNow(at),
      edited_timestamp: null,
      tts: body.tts === true,
      pinned: false,
      type: meta.type,
      flags: asBitfield(flags),
      embeds: normaliseEmbeds(body.embeds),
      components: Array.isArray(body.components) ? (body.components as APIMessageTopLevelComponent[]) : [],
      attachments: attachments ?? [],
      ...this.computeMentions(content, body.allowed_mentions, meta.referenced?.author),
      ...(typeof body.nonce === 'string' || typeof body.nonce === 'number' ? { nonce: body.nonce } : {}),
      ...(meta.webhookId === undefined ? {} : { webhook_id: meta.webhookId }),
      ...(meta.applicationId === undefined ? {} : { application_id: meta.applicationId }),
      ...(meta.interactionMetadata === undefined ? {} : { interaction_metadata: meta.interactionMetadata }),
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- Discord still sends the legacy field
      ...(meta.interaction === undefined ? {} : { interaction: meta.interaction }),
      ...(meta.referenced === undefined
        ? {}
        : {
            message_reference: {
              type: MessageReferenceType.Default,
              channel_id: meta.referenced.channel_id,
              message_id: meta.referenced.id,
              guild_id: this.world.ids.guildId,
            },
            referenced_message: meta.referenced,
          }),
    };
    if ((flags & MessageFlagBits.Loading) === 0 && isEmpty(message, body)) throw Errors.emptyMessage();
    this.#remember(message, (flags & MessageFlagBits.Ephemeral) !== 0);
    if (message.nonce !== undefined && body.enforce_nonce === true)
      this.#nonces.set(`${channelId}:${String(message.nonce)}`, message.id);
    return message;
  }

  /** Registers a message authored by a simulated user (not listed in `botMessages`). */
  addUserMessage(message: APIMessage): void {
    this.byId.set(message.id, message);
    this.#touchChannel(message);
  }

  /** Applies an already validated edit body in place. Throws 50006 when the result would be empty. */
  edit(
    message: APIMessage,
    body: Record<string, unknown>,
    attachments: APIAttachment[] | undefined,
  ): APIMessage {
    const wasLoading = ((message.flags ?? 0) & MessageFlagBits.Loading) !== 0;
    const next: APIMessage = { ...message };
    if ('content' in body) next.content = typeof body.content === 'string' ? body.content : '';
    if ('embeds' in body) next.embeds = normaliseEmbeds(body.embeds);
    if ('components' in body)
      next.components = Array.isArray(body.components)
        ? (body.components as APIMessageTopLevelComponent[])
        : [];
    if (attachments !== undefined) next.attachments = attachments;
    let flags = (message.flags ?? 0) & ~MessageFlagBits.Loading;
    if (typeof body.flags === 'number') flags = (flags & ~EDITABLE_FLAGS) | (body.flags & EDITABLE_FLAGS);
    next.flags = asBitfield(flags);
    if ('content' in body || 'allowed_mentions' in body) {
      Object.assign(next, this.computeMentions(next.content, body.allowed_mentions, undefined));
    }
    // Filling in a deferred ("thinking…") response is not shown as an edit.
    if (!wasLoading) next.edited_timestamp = isoNow();
    if (isEmpty(next, body)) throw Errors.emptyMessage();
    Object.assign(message, next);
    return message;
  }

  delete(messageId: string): void {
    const message = this.byId.get(messageId);
    if (!message) return;
    this.byId.delete(messageId);
    const list = this.botMessages.get(message.channel_id);
    const index = list?.indexOf(message) ?? -1;
    if (list && index >= 0) list.splice(index, 1);
  }

  /** Channel history as GET /channels/:id/messages returns it: newest first, no ephemeral messages. */
  history(channelId: string): APIMessage[] {
    return [...this.byId.values()]
      .filter((message) => message.channel_id === channelId && !this.#ephemeral.has(message.id))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
  }

  #remember(message: APIMessage, ephemeral: boolean): void {
    this.byId.set(message.id, message);
    if (ephemeral) this.#ephemeral.add(message.id);
    else this.#touchChannel(message);
    let list = this.botMessages.get(message.channel_id);
    if (!list) {
      list = [];
      this.botMessages.set(message.channel_id, list);
    }
    list.push(message);
  }

  #touchChannel(message: APIMessage): void {
    const channel = this.world.channels.get(message.channel_id);
    if (channel) channel.lastMessageId = message.id;
  }
}

function normaliseEmbeds(value: unknown): APIEmbed[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((embed) => ({ type: EmbedType.Rich, ...embed }));
}

function isEmpty(message: APIMessage, body: Record<string, unknown>): boolean {
  const hasStickers = Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0;
  return (
    message.content.trim() === '' &&
    message.embeds.length === 0 &&
    (message.components?.length ?? 0) === 0 &&
    message.attachments.length === 0 &&
    !hasStickers &&
    body.poll === undefined
  );
}
