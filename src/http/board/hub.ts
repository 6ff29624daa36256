import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { BOARD_LINK_TTL_MS } from '../../briefing/board.js';
import type { BriefingService } from '../../briefing/service.js';
import { Coalescer } from '../../shared/coalescer.js';

/** How often open streams get a comment line (keeps proxies from closing an idle stream). */
const HEARTBEAT_MS = 20_000;
/** A stream this far behind (a client that stopped reading) is closed. */
const MAX_BUFFERED_BYTES = 1 << 20;

export interface BoardHubOptions {
  readonly service: BriefingService;
  readonly logger: Logger;
  /** Minimum time between two pushes of one briefing's board (the first goes out at once). */
  readonly intervalMs?: number | undefined;
  /** Open streams this process keeps at most. */
  readonly maxStreams?: number | undefined;
  readonly now?: () => number;
}

/**
 * The open board streams (Server-Sent Events) of this process. A stored change of a briefing,
 * from any process, makes one snapshot of its board, sent to every stream of that briefing: a
 * burst of changes is coalesced to at most one push per `intervalMs`, the last change always
 * included.
 */
export class BoardHub {
  private readonly streams = new Map<string, Set<ServerResponse>>();
  private readonly coalescer: Coalescer;
  private readonly unsubscribe: () => void;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly maxStreams: number;
  private readonly now: () => number;
  /** Board pushes made (for the bench). */
  pushes = 0;

  constructor(private readonly options: BoardHubOptions) {
    this.maxStreams = options.maxStreams ?? 2000;
    this.now = options.now ?? Date.now;
    this.coalescer = new Coalescer(
      (briefingId) => this.push(briefingId),
      options.intervalMs ?? 100,
      (error, briefingId) => {
        options.logger.error({ err: error, briefing: briefingId }, 'could not update the live boards');
      },
    );
    this.unsubscribe = options.service.changes.subscribe((change) => {
      if (this.streams.has(change.briefingId)) this.coalescer.request(change.briefingId);
    });
    this.heartbeat = setInterval(() => {
      void this.beat();
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Open streams, all briefings together. */
  get size(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  get isFull(): boolean {
    return this.size >= this.maxStreams;
  }

  /** Starts a stream on `response` with the board as it is now. */
  async open(briefingId: string, response: ServerResponse): Promise<void> {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx buffers responses unless told not to; a board must get each event at once.
      'x-accel-buffering': 'no',
    });
    let set = this.streams.get(briefingId);
    if (set === undefined) {
      set = new Set();
      this.streams.set(briefingId, set);
    }
    set.add(response);
    response.on('close', () => {
      set.delete(response);
      if (set.size === 0 && this.streams.get(briefingId) === set) this.streams.delete(briefingId);
    });
    try {
      const state = await this.options.service.boardState(briefingId);
      if (state !== undefined) this.write(response, `retry: 2000\ndata: ${JSON.stringify(state)}\n\n`);
    } catch (error) {
      // The browser reconnects after `retry`; the store's problem is reported here.
      this.options.logger.error({ err: error, briefing: briefingId }, 'could not open a live board');
      response.end();
    }
  }

  private write(response: ServerResponse, frame: string): void {
    if (response.writableEnded || response.destroyed) return;
    if (response.writableLength > MAX_BUFFERED_BYTES) {
      response.destroy();
      return;
    }
    response.write(frame);
  }

  private async push(briefingId: string): Promise<void> {
    const set = this.streams.get(briefingId);
    if (set === undefined || set.size === 0) return;
    const state = await this.options.service.boardState(briefingId);
    if (state === undefined) return;
    this.pushes++;
    const frame = `data: ${JSON.stringify(state)}\n\n`;
    for (const response of set) this.write(response, frame);
  }

  /** Keeps streams open through proxies, and ends those whose link expired meanwhile. */
  private async beat(): Promise<void> {
    for (const [briefingId, set] of this.streams) {
      const briefing = await this.options.service.repository.getBriefing(briefingId).catch(() => undefined);
      const isExpired =
        briefing?.stoppedAt != null && this.now() > Date.parse(briefing.stoppedAt) + BOARD_LINK_TTL_MS;
      for (const response of set) {
        if (isExpired) {
          this.write(response, 'event: gone\ndata: {}\n\n');
          response.end();
        } else this.write(response, ': ping\n\n');
      }
    }
  }

  /** Waits until no push is pending (tests). */
  settled(): Promise<void> {
    return this.coalescer.settled();
  }

  close(): void {
    this.unsubscribe();
    clearInterval(this.heartbeat);
    this.coalescer.close();
    for (const set of this.streams.values()) for (const response of set) response.end();
    this.streams.clear();
  }
}
