import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { Metrics } from '../../shared/metrics.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const hasId = (value: unknown): boolean => isRecord(value) && typeof value['id'] === 'string';

/** Why discord.js would throw on this event, or null when it is fine. */
function problemOf(t: string, d: unknown): string | null {
  switch (t) {
    case 'INTERACTION_CREATE':
      if (!isRecord(d)) return 'no payload';
      if (typeof d['id'] !== 'string' || typeof d['token'] !== 'string' || typeof d['type'] !== 'number')
        return 'no id, token or type';
      if (!hasId(d['user']) && !(isRecord(d['member']) && hasId(d['member']['user'])))
        return 'neither user nor member.user';
      return null;
    case 'MESSAGE_CREATE':
      if (!isRecord(d) || typeof d['id'] !== 'string' || typeof d['channel_id'] !== 'string')
        return 'no id or channel';
      return hasId(d['author']) ? null : 'no author';
    case 'MESSAGE_UPDATE':
    case 'MESSAGE_DELETE':
      return isRecord(d) && typeof d['id'] === 'string' && typeof d['channel_id'] === 'string'
        ? null
        : 'no id or channel';
    default:
      return null;
  }
}

/** Renamed to an event discord.js has no handler for, so it drops the packet. */
const IGNORED = 'EGOV_MALFORMED_EVENT_IGNORED';

/**
 * A malformed gateway event must not end the process: discord.js builds its objects from the
 * raw packet and throws on shapes Discord never sends (an interaction with a guild but neither
 * `member` nor `user` crashed the process). The raw packet is seen first, so a bad one is logged
 * and renamed here before discord.js handles it.
 */
export function guardGateway(client: Client, logger: Logger, metrics: Metrics): void {
  client.on(Events.Raw, (packet: { t?: unknown; d?: unknown }) => {
    if (typeof packet.t !== 'string') return;
    const problem = problemOf(packet.t, packet.d);
    if (problem === null) return;
    const id = isRecord(packet.d) ? packet.d['id'] : undefined;
    logger.warn({ event: packet.t, id, problem }, 'malformed gateway event ignored');
    metrics.contained('malformed_event');
    packet.t = IGNORED;
  });
}
