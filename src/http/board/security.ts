import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimiter } from '../../shared/rateLimit.js';

/**
 * Scripts, styles and connections from this origin only; no inline code, no plugins, no framing,
 * forms post here only. User text can therefore never run as code, even if it were unescaped.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The security headers of every page, stream and file of the board and projects pages. */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      // Board links carry their token in the path: never send them on as a Referer.
      .header('referrer-policy', 'no-referrer')
      .header('cross-origin-opener-policy', 'same-origin')
      .header('cross-origin-resource-policy', 'same-origin');
    return payload;
  });
}

/**
 * A per-address request limit (shared by every process on Redis). Behind a reverse proxy the
 * address is the client's only with HTTP_TRUST_PROXY, otherwise every request counts for the proxy.
 */
export function addRateLimit(app: FastifyInstance, limiter: RateLimiter): void {
  app.addHook('onRequest', async (request, reply) => {
    const decision = await limiter.take(request.ip);
    if (decision.ok) return;
    await reply
      .code(429)
      .header('retry-after', String(Math.ceil(decision.retryAfterMs / 1000)))
      .header('cache-control', 'no-store')
      .send({ error: 'rate_limited', message: 'Too many requests; try again later.' });
  });
}

/**
 * Whether a state-changing request comes from a page of this site: the browser's Origin header
 * must equal this site's origin (the public URL when configured, else the request's own scheme
 * and host), and Sec-Fetch-Site, when sent, must say same-origin. A request with neither header
 * (not from a browser page) is refused too.
 */
export function isSameOrigin(request: FastifyRequest, publicOrigin: string | undefined): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  const expected = publicOrigin ?? `${request.protocol}://${request.host}`;
  return origin === expected;
}

/** A JSON error with no-store. */
export function sendError(reply: FastifyReply, code: number, error: string, message: string): FastifyReply {
  return reply.code(code).header('cache-control', 'no-store').send({ error, message });
}
