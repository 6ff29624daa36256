import zlib from 'node:zlib';
import { WebSocket } from 'ws';
import type { GatewaySessionInfo } from './gateway.js';

export interface DispatchPayload {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

/** A gateway session: its sequence number and the dispatches kept for RESUME replay. */
export class Session implements GatewaySessionInfo {
  seq = 0;
  readonly backlog: DispatchPayload[] = [];
  connection: Connection | undefined;
  invalid = false;

  constructor(
    readonly id: string,
    readonly intents: number,
    readonly identify: Record<string, unknown>,
  ) {}
}

/** One WebSocket connection, optionally zlib-stream compressed. */
export class Connection {
  session: Session | undefined;
  /** READY or RESUMED has been sent, so live dispatches may flow. */
  live = false;
  /** Set when the stand-in closes the socket, so the close is not mistaken for a client logout. */
  closedByServer = false;
  readonly #deflate: zlib.Deflate | undefined;
  #sendChain: Promise<void> = Promise.resolve();

  constructor(
    readonly ws: WebSocket,
    readonly path: string,
    compress: boolean,
  ) {
    this.#deflate = compress ? zlib.createDeflate({ chunkSize: 65535 }) : undefined;
  }

  send(payload: unknown): void {
    const json = JSON.stringify(payload);
    const deflate = this.#deflate;
    if (!deflate) {
      if (this.ws.readyState === WebSocket.OPEN) this.ws.send(json);
      return;
    }
    // zlib-stream: one shared deflate context per connection, each payload ending in a sync flush
    // (00 00 ff ff) that clients use as the message boundary. Serialised to keep frames in order.
    this.#sendChain = this.#sendChain.then(
      () =>
        new Promise<void>((resolve) => {
          deflate.write(json);
          deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
            const chunks: Buffer[] = [];
            let chunk: unknown;
            while ((chunk = deflate.read()) !== null) chunks.push(chunk as Buffer);
            if (this.ws.readyState === WebSocket.OPEN) this.ws.send(Buffer.concat(chunks));
            resolve();
          });
        }),
    );
  }

  close(code: number, reason: string): void {
    this.closedByServer = true;
    this.ws.close(code, reason);
  }

  dispose(): void {
    this.#deflate?.close();
  }
}
