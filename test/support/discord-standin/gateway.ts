import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { Connection, Session, type DispatchPayload } from './gatewaySession.js';
import { isRecord } from './util.js';

export const GATEWAY_PATH = '/gateway';
export const RESUME_GATEWAY_PATH = '/gateway/resume';

/** Events kept per session for RESUME replay (Discord keeps a bounded backlog too). */
const REPLAY_BACKLOG = 1000;

/** Server-initiated close codes after which Discord does not let the session be resumed. */
const NON_RESUMABLE_CLOSE_CODES = new Set([1000, 1001, 4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014]);

export interface GatewayCounters {
  /** WebSocket connections accepted. */
  connections: number;
  identifies: number;
  resumes: number;
  /** Heartbeats (op 1) received and acknowledged. */
  heartbeats: number;
  /** Op 9 INVALID_SESSION payloads sent (failed RESUMEs). */
  invalidSessions: number;
  /** Dispatches (op 0) produced, across sessions, including ones buffered while disconnected. */
  dispatches: number;
}

export interface GatewaySessionInfo {
  readonly id: string;
  readonly intents: number;
  /** The IDENTIFY payload's `d`, as sent (token included). */
  readonly identify: Record<string, unknown>;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  newSessionId(): string;
  /** READY `d` plus the dispatches that follow it (GUILD_CREATE). */
  onIdentify(session: GatewaySessionInfo): { ready: unknown; followUps: { t: string; d: unknown }[] };
  /** Answers op 8 REQUEST_GUILD_MEMBERS. */
  requestMembers(request: Record<string, unknown>): { members: unknown[]; notFound: string[] };
  onStateChange(): void;
}

/**
 * Discord's gateway protocol over `ws`: HELLO, heartbeat ACKs, IDENTIFY → READY (+ GUILD_CREATE),
 * RESUME with replay of missed dispatches, INVALID_SESSION, and Discord's close codes.
 */
export class Gateway {
  readonly counters: GatewayCounters = {
    connections: 0,
    identifies: 0,
    resumes: 0,
    heartbeats: 0,
    invalidSessions: 0,
    dispatches: 0,
  };
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new Map<string, Session>();
  readonly #connections = new Set<Connection>();

  constructor(private readonly options: GatewayOptions) {}

  /** While false, new gateway connections are refused (as during an outage). */
  accepting = true;

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!this.accepting || (url.pathname !== GATEWAY_PATH && url.pathname !== RESUME_GATEWAY_PATH)) {
      socket.destroy();
      return;
    }
    this.#wss.handleUpgrade(request, socket, head, (ws) => {
      this.#accept(ws, url);
    });
  }

  /** True while some session can still receive dispatches (live or resumable). */
  hasSession(): boolean {
    return [...this.#sessions.values()].some((session) => !session.invalid);
  }

  /** True when a session is connected and past READY/RESUMED. */
  isLive(): boolean {
    return [...this.#connections].some((connection) => connection.live);
  }

  sessions(): GatewaySessionInfo[] {
    return [...this.#sessions.values()].filter((session) => !session.invalid);
  }

  /** Paths of accepted connections, in order (shows whether RESUME used `resume_gateway_url`). */
  readonly connectionPaths: string[] = [];
  /** IDENTIFY `d` payloads, in order (intents, properties, presence, shard…). */
  readonly identifyPayloads: Record<string, unknown>[] = [];

  /**
   * Dispatches to every valid session, or with `route` only to the session(s) of the shard that
   * owns a guild (Discord: `(guild_id >> 22) % num_shards`), or of shard 0 for DMs. `build` may
   * tailor (or, by returning undefined, withhold) the payload per session, e.g. for intents.
   * Disconnected sessions buffer it for RESUME replay.
   */
  dispatch(
    t: string,
    build: (session: GatewaySessionInfo) => unknown,
    route: { guildId: string } | 'dm' | 'all' = 'all',
  ): void {
    for (const session of this.#sessions.values()) {
      if (session.invalid) continue;
      if (route !== 'all' && !ownsRoute(shardOf(session), route)) continue;
      const d = build(session);
      if (d !== undefined) this.#dispatchTo(session, t, d);
    }
  }

  /**
   * Ends the live connections: abruptly (no close frame, the client sees 1006) or with `code`.
   * Sessions stay resumable unless the code is one Discord treats as session-ending.
   */
  drop(options: { code?: number; reason?: string; invalidateSession?: boolean } = {}): number {
    let dropped = 0;
    for (const connection of this.#connections) {
      if (connection.ws.readyState !== WebSocket.OPEN) continue;
      dropped++;
      const invalidate =
        options.invalidateSession ??
        (options.code !== undefined && NON_RESUMABLE_CLOSE_CODES.has(options.code));
      if (connection.session && invalidate) connection.session.invalid = true;
      connection.live = false;
      if (options.code === undefined) {
        connection.closedByServer = true;
        connection.ws.terminate();
      } else {
        connection.close(options.code, options.reason ?? 'Dropped by the Discord stand-in');
      }
    }
    return dropped;
  }

  /** Sends op 7 RECONNECT: the client should close and RESUME. */
  requestReconnect(): void {
    for (const connection of this.#connections)
      if (connection.live) connection.send({ op: 7, d: null, s: null, t: null });
  }

  async close(): Promise<void> {
    for (const connection of this.#connections) {
      connection.closedByServer = true;
      connection.ws.terminate();
      connection.dispose();
    }
    this.#connections.clear();
    await new Promise<void>((resolve) => {
      this.#wss.close(() => {
        resolve();
      });
    });
  }

  #accept(ws: WebSocket, url: URL): void {
    this.counters.connections++;
    this.connectionPaths.push(url.pathname);
    const connection = new Connection(ws, url.pathname, url.searchParams.get('compress') === 'zlib-stream');
    this.#connections.add(connection);
    ws.on('message', (data, isBinary) => {
      this.#onMessage(connection, data, isBinary);
    });
    ws.on('close', (code) => {
      this.#onClose(connection, code);
    });
    // A client vanishing mid-frame surfaces here; the close handler does the bookkeeping.
    ws.on('error', () => undefined);

    const version = url.searchParams.get('v');
    if (version !== null && version !== '10') {
      connection.close(4012, 'Invalid API version.');
      return;
    }
    const encoding = url.searchParams.get('encoding');
    if (encoding !== null && encoding !== 'json') {
      connection.close(4002, 'Error while decoding payload.');
      return;
    }
    connection.send({
      op: 10,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["standin-gateway"]'] },
      s: null,
      t: null,
    });
    this.options.onStateChange();
  }

  #onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    let payload: unknown;
    try {
      if (isBinary) throw new Error('binary frames are not accepted');
      payload = JSON.parse(rawToString(data));
    } catch {
      connection.close(4002, 'Error while decoding payload.');
      return;
    }
    if (!isRecord(payload) || typeof payload.op !== 'number') {
      connection.close(4002, 'Error while decoding payload.');
      return;
    }
    const d = payload.d;
    switch (payload.op) {
      case 1:
        this.counters.heartbeats++;
        connection.send({ op: 11, d: null, s: null, t: null });
        break;
      case 2:
        this.#identify(connection, d);
        break;
      case 6:
        this.#resume(connection, d);
        break;
      case 3: // presence update
      case 4: // voice state update
      case 8: // request guild members
        if (!connection.session) connection.close(4003, 'Not authenticated.');
        else if (payload.op === 8 && isRecord(d)) this.#answerMemberRequest(connection.session, d);
        break;
      default:
        connection.close(4001, 'Unknown opcode.');
    }
    this.options.onStateChange();
  }

  #identify(connection: Connection, d: unknown): void {
    if (connection.session) {
      connection.close(4005, 'Already authenticated.');
      return;
    }
    if (!isRecord(d) || d.token !== this.options.token) {
      connection.close(4004, 'Authentication failed.');
      return;
    }
    if (typeof d.intents !== 'number' || !Number.isInteger(d.intents) || d.intents < 0) {
      connection.close(4013, 'Invalid intent(s).');
      return;
    }
    this.counters.identifies++;
    this.identifyPayloads.push(d);
    const session = new Session(this.options.newSessionId(), d.intents, d);
    this.#sessions.set(session.id, session);
    session.connection = connection;
    connection.session = session;
    connection.live = true;
    const { ready, followUps } = this.options.onIdentify(session);
    this.#dispatchTo(session, 'READY', ready);
    for (const event of followUps) this.#dispatchTo(session, event.t, event.d);
  }

  #resume(connection: Connection, d: unknown): void {
    if (connection.session) {
      connection.close(4005, 'Already authenticated.');
      return;
    }
    if (!isRecord(d) || d.token !== this.options.token) {
      connection.close(4004, 'Authentication failed.');
      return;
    }
    const session = typeof d.session_id === 'string' ? this.#sessions.get(d.session_id) : undefined;
    const seq = typeof d.seq === 'number' ? d.seq : -1;
    const oldest = session?.backlog[0]?.s ?? (session ? session.seq + 1 : 0);
    if (!session || session.invalid || seq < 0 || seq > session.seq || seq < oldest - 1) {
      this.counters.invalidSessions++;
      connection.send({ op: 9, d: false, s: null, t: null });
      return;
    }
    this.counters.resumes++;
    const previous = session.connection;
    if (previous && previous !== connection) {
      previous.closedByServer = true;
      previous.live = false;
      previous.ws.terminate();
    }
    session.connection = connection;
    connection.session = session;
    for (const event of session.backlog) if (event.s > seq) connection.send(event);
    connection.live = true;
    this.#dispatchTo(session, 'RESUMED', { _trace: ['["standin-gateway"]'] });
  }

  #answerMemberRequest(session: Session, d: Record<string, unknown>): void {
    const { members, notFound } = this.options.requestMembers(d);
    this.#dispatchTo(session, 'GUILD_MEMBERS_CHUNK', {
      guild_id: d.guild_id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      ...(notFound.length > 0 ? { not_found: notFound } : {}),
      ...(d.nonce === undefined ? {} : { nonce: d.nonce }),
    });
  }

  #dispatchTo(session: Session, t: string, d: unknown): void {
    session.seq++;
    this.counters.dispatches++;
    const event: DispatchPayload = { op: 0, t, s: session.seq, d };
    session.backlog.push(event);
    if (session.backlog.length > REPLAY_BACKLOG) session.backlog.shift();
    if (session.connection?.live === true) session.connection.send(event);
  }

  #onClose(connection: Connection, code: number): void {
    connection.live = false;
    connection.dispose();
    this.#connections.delete(connection);
    const session = connection.session;
    if (session?.connection === connection) {
      session.connection = undefined;
      // A client closing with 1000/1001 logs out; Discord then invalidates the session.
      if (!connection.closedByServer && (code === 1000 || code === 1001)) session.invalid = true;
    }
    this.options.onStateChange();
  }
}

/** The session's `[shard_id, num_shards]` from its IDENTIFY (no shard: `[0, 1]`). */
export function shardOf(session: GatewaySessionInfo): [number, number] {
  const shard = session.identify.shard;
  return Array.isArray(shard) && typeof shard[0] === 'number' && typeof shard[1] === 'number'
    ? [shard[0], shard[1]]
    : [0, 1];
}

/** Discord's routing: a guild's events go to shard `(guild_id >> 22) % num_shards`; DMs to shard 0. */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

function ownsRoute([id, count]: [number, number], route: { guildId: string } | 'dm'): boolean {
  return route === 'dm' ? id === 0 : shardOfGuild(route.guildId, count) === id;
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
