import type { RouteSet } from './server.js';

/** One part of the bot's health: ok, or why not. */
export interface HealthPart {
  readonly ok: boolean;
  readonly detail: string;
}

export type HealthCheck = () => Promise<Record<string, HealthPart>>;

/**
 * `GET /healthz`: 200 `{"status":"ok",…}` when every part is ok (the gateway is ready and the
 * store answers), otherwise 503 `{"status":"unavailable",…}` with what is wrong, e.g. while the
 * gateway reconnects.
 */
export function healthRoutes(check: HealthCheck): RouteSet {
  return (app) => {
    app.get('/healthz', async (_request, reply) => {
      const parts = await check();
      const ok = Object.values(parts).every((part) => part.ok);
      const body: Record<string, unknown> = { status: ok ? 'ok' : 'unavailable' };
      for (const [name, part] of Object.entries(parts)) body[name] = part.detail;
      return reply
        .code(ok ? 200 : 503)
        .header('cache-control', 'no-store')
        .send(body);
    });
  };
}
