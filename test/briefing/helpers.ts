import type { APIMessage } from 'discord.js';
import type { DiscordStandin, FinalReply } from '../support/discordStandin.js';

export function message(final: FinalReply): APIMessage {
  if (final.kind !== 'message') throw new Error(`expected a message, got ${final.kind}`);
  return final.message;
}

export function customIds(m: APIMessage): string[] {
  return (m.components ?? []).flatMap((row) =>
    'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : [],
  );
}

/** The current queue message: the bot's channel message whose embed title names the queue. */
export function queueMessage(standin: DiscordStandin, channelId = standin.channelId): APIMessage | undefined {
  return standin.messages
    .get(channelId)
    ?.find((m) => (m.embeds[0]?.title ?? '').includes('🙋') && (m.flags ?? 0) === 0);
}

/** Waits until the queue message satisfies `predicate` (edits are throttled, so this may take a moment). */
export function waitForQueue(
  standin: DiscordStandin,
  predicate: (m: APIMessage) => boolean,
  timeoutMs = 8000,
  channelId = standin.channelId,
): Promise<APIMessage> {
  return standin.waitFor(
    () => {
      const m = queueMessage(standin, channelId);
      return m !== undefined && predicate(m) ? m : undefined;
    },
    timeoutMs,
    'a matching queue message',
  );
}

export function queueText(m: APIMessage): string {
  return m.embeds[0]?.description ?? '';
}

/** The vote count shown for a question on the queue message, or undefined if it is not listed. */
export function shownVotes(m: APIMessage, question: string): number | undefined {
  const line = queueText(m)
    .split('\n')
    .find((l) => l.includes(question));
  const match = line?.match(/▲ (\d+)$/);
  return match ? Number(match[1]) : undefined;
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r') continue;
    else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** CSV rows as objects keyed by the header. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

/** `/briefing-qa organiser-role role:<roleId>` (or without a role: clear) by `userId`. */
export function setOrganiserRole(
  standin: DiscordStandin,
  userId: string,
  roleId: string | null,
  init: { roles?: string[]; memberPermissions?: bigint; guildId?: string; channelId?: string } = {},
) {
  const role = roleId === null ? undefined : standin.roleById(roleId);
  return standin.sendInteraction({
    user: userId,
    ...init,
    data: {
      name: 'briefing-qa',
      type: 1,
      options: [
        {
          type: 1,
          name: 'organiser-role',
          options: roleId === null ? [] : [{ type: 8, name: 'role', value: roleId }],
        },
      ],
      ...(role !== undefined ? { resolved: { roles: { [role.id]: role } } } : {}),
    },
  });
}

/** `/briefing-qa <sub>` with one string option (`ask question:…`, `start title:…`). */
export function briefingCommand(
  standin: DiscordStandin,
  sub: 'ask' | 'start',
  value: string,
  init: { user: string; channelId?: string },
) {
  const option = sub === 'ask' ? 'question' : 'title';
  return standin.sendCommand(
    'briefing-qa',
    [{ type: 1, name: sub, options: [{ type: 3, name: option, value }] }],
    init,
  );
}

/** An INTERACTION_CREATE Discord never sends: a guild interaction with neither member nor user. */
export function sendMemberlessInteraction(standin: DiscordStandin): void {
  standin.dispatchRaw('INTERACTION_CREATE', {
    id: '1311000000000009999',
    application_id: standin.applicationId,
    type: 2,
    token: 'malformed',
    version: 1,
    guild_id: standin.guildId,
    channel_id: standin.channelId,
    data: { id: '1', name: 'ask', type: 1 },
    locale: 'en-US',
  });
}
