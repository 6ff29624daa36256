import { MessageReferenceType, MessageType, type APIMessage } from 'discord.js';
import type { MessageStore } from './messages.js';
import type { SendMessageOptions } from './standinApi.js';
import { asBitfield, clone, isoNow, type SnowflakeGenerator } from './util.js';
import type { World } from './world.js';

/** A message a simulated user posts (MESSAGE_CREATE's message), with files, mentions and reply. */
export function userMessage(
  world: World,
  store: MessageStore,
  ids: SnowflakeGenerator,
  input: SendMessageOptions,
): APIMessage {
  const channelId = input.channelId ?? world.ids.channelId;
  const guild = world.guildOfChannel(channelId);
  if (guild === undefined) throw new Error(`Discord stand-in: unknown channel ${channelId}`);
  const author = world.ensureUser(input.author ?? input.authorId ?? world.member.id, guild.id);
  const mention = `<@${world.botUser.id}>`;
  const content =
    input.mentionsBot === true && !input.content.includes(mention)
      ? `${mention} ${input.content}`
      : input.content;
  const replyId = typeof input.replyTo === 'string' ? input.replyTo : input.replyTo?.id;
  const referenced = replyId === undefined ? undefined : store.byId.get(replyId);
  if (replyId !== undefined && !referenced) throw new Error(`Discord stand-in: unknown message ${replyId}`);
  const at = Date.now();
  return {
    id: ids.next(at),
    channel_id: channelId,
    author,
    content,
    timestamp: isoNow(at),
    edited_timestamp: null,
    tts: false,
    pinned: false,
    type: referenced ? MessageType.Reply : MessageType.Default,
    flags: asBitfield(0),
    embeds: input.embeds ?? [],
    components: [],
    attachments: (input.files ?? []).map((file, index) =>
      store.storeFile(channelId, {
        key: `files[${index}]`,
        filename: file.filename,
        contentType: file.contentType ?? 'application/octet-stream',
        data: Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data),
      }),
    ),
    ...store.computeMentions(content, undefined, referenced?.author),
    ...(referenced
      ? {
          message_reference: {
            type: MessageReferenceType.Default,
            channel_id: channelId,
            message_id: referenced.id,
            guild_id: guild.id,
          },
          referenced_message: clone(referenced),
        }
      : {}),
  };
}
