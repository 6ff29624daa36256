import type { RouteSet } from './server.js';

export type MetricsSource = () => Promise<{ contentType: string; text: string }>;

/** `GET /metrics`: Prometheus text format. */
export function metricsRoutes(source: MetricsSource): RouteSet {
  return (app) => {
    app.get('/metrics', async (_request, reply) => {
      const { contentType, text } = await source();
      return reply.header('content-type', contentType).header('cache-control', 'no-store').send(text);
    });
  };
}
