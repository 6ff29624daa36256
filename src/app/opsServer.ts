import type { Logger } from 'pino';
import type { Env } from '../config/env.js';
import { healthRoutes, type HealthCheck } from '../http/health.js';
import { metricsRoutes, type MetricsSource } from '../http/metrics.js';
import type { HttpServer, RouteSet } from '../http/server.js';

/**
 * The HTTP server when HTTP_PORT is set: /healthz and /metrics, plus any other route sets (the
 * briefing board can add its own). Undefined when HTTP is off.
 */
export async function serveOps(
  env: Env,
  logger: Logger,
  health: HealthCheck,
  metrics: MetricsSource,
  routes: readonly RouteSet[] = [],
): Promise<HttpServer | undefined> {
  if (env.HTTP_PORT === undefined) return undefined;
  // Loaded only when serving: fastify is memory a bot without HTTP does not need.
  const { startHttpServer } = await import('../http/server.js');
  const http = await startHttpServer({
    host: env.HTTP_HOST,
    port: env.HTTP_PORT,
    logger,
    routes: [healthRoutes(health), metricsRoutes(metrics), ...routes],
    trustProxy: env.HTTP_TRUST_PROXY,
  });
  logger.info({ url: http.url }, 'http server listening (/healthz, /metrics)');
  return http;
}
