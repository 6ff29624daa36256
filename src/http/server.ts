import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/**
 * A set of routes other modules register on the bot's HTTP server (health and metrics here; the
 * briefing board and projects page can add theirs the same way).
 */
export type RouteSet = (app: FastifyInstance) => void | Promise<void>;

export interface HttpServerOptions {
  readonly host: string;
  /** 0: any free port (tests). */
  readonly port: number;
  readonly logger: Logger;
  readonly routes: readonly RouteSet[];
  /** Read the client's address and scheme from X-Forwarded-* (behind a trusted reverse proxy only). */
  readonly trustProxy?: boolean | undefined;
}

export interface HttpServer {
  /** `http://host:port` as bound. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts the HTTP server with every route set registered; rejects with a clear error when the port is taken. */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const app = Fastify({
    loggerInstance: options.logger.child({ component: 'http' }),
    // One log line per scrape or probe would drown the interaction log.
    logController: new LogController({ disableRequestLogging: true }),
    // A probe must never hang a shutdown.
    forceCloseConnections: true,
    trustProxy: options.trustProxy ?? false,
  });
  for (const routes of options.routes) await app.register(async (scope) => routes(scope));
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await app.close();
    throw new Error(
      `cannot serve HTTP on ${options.host}:${options.port}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return { url: `http://${host}:${port}`, port, close: () => app.close() };
}
