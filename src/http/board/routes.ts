import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { archivePath, boardPath, type BoardRole } from '../../briefing/board.js';
import type { BriefingService } from '../../briefing/service.js';
import type { Language } from '../../core/types.js';
import type { KnowledgeBase } from '../../knowledge/parse.js';
import type { RateLimiterFactory } from '../../shared/rateLimit.js';
import type { RouteSet } from '../server.js';
import { BOARD_CSS, BOARD_JS, PROJECTS_JS } from './assets.js';
import type { BoardHub } from './hub.js';
import { archivePage, boardPage, messagePage } from './pages.js';
import { projectsCsv, projectsPage, readProjectQuery } from './projects.js';
import { addRateLimit, addSecurityHeaders, isSameOrigin, sendError } from './security.js';
import { PAGE_TEXT, pageLanguage } from './texts.js';

export interface PageRoutesOptions {
  readonly service: BriefingService;
  readonly hub: BoardHub;
  readonly kb: KnowledgeBase;
  readonly rateLimiter: RateLimiterFactory;
  /** Requests per minute one address may make. */
  readonly requestsPerMinute: number;
  /** The public origin (scheme://host[:port]) organiser actions must come from; else the request's own. */
  readonly publicOrigin?: string | undefined;
}

const BRIEFING_ID = /^[0-9a-f]{10}$/;
/** Tokens are 43 base64url characters; anything else cannot match and is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

interface LinkParams {
  id: string;
  token: string;
}

const ACTION = z.discriminatedUnion('action', [
  z.object({ action: z.literal('pin-next') }),
  z.object({ action: z.enum(['pin', 'dismiss']), questionId: z.string().regex(/^[0-9a-f]{12}$/) }),
  z.object({
    action: z.literal('answer'),
    questionId: z.string().regex(/^[0-9a-f]{12}$/),
    answer: z.string().trim().max(1000).nullable().optional(),
  }),
  z.object({ action: z.literal('names'), show: z.boolean() }),
]);

type Access = { role: BoardRole; language: Language } | undefined;

/**
 * The board link's access, or undefined after replying 404 (unknown briefing, expired link) or
 * 403 (wrong token). Pages get an HTML message, streams and actions JSON.
 */
async function checkLink(
  service: BriefingService,
  request: FastifyRequest<{ Params: LinkParams; Querystring: { lang?: string } }>,
  reply: FastifyReply,
  as: 'page' | 'json',
): Promise<Access> {
  const { id, token } = request.params;
  const decision = BRIEFING_ID.test(id)
    ? await service.boardAccess(id, TOKEN.test(token) ? token : '')
    : ({ kind: 'unknown' } as const);
  const briefing = decision.kind === 'granted' ? await service.repository.getBriefing(id) : undefined;
  if (decision.kind === 'granted' && briefing !== undefined)
    return { role: decision.role, language: pageLanguage(request.query.lang, briefing.language) };
  const code = decision.kind === 'denied' ? 403 : 404;
  const language = pageLanguage(request.query.lang, 'ko');
  const text = PAGE_TEXT[language][decision.kind === 'granted' ? 'unknown' : decision.kind];
  if (as === 'json') await sendError(reply, code, decision.kind, text);
  else
    await reply
      .code(code)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(messagePage(language, text));
  return undefined;
}

function otherLanguage(path: string, language: Language): string {
  return `${path}?lang=${language === 'ko' ? 'en' : 'ko'}`;
}

function registerAssets(app: FastifyInstance): void {
  const asset = (path: string, type: string, body: string) => {
    app.get(path, async (_request, reply) =>
      reply.type(type).header('cache-control', 'public, max-age=300').send(body),
    );
  };
  asset('/assets/board.css', 'text/css; charset=utf-8', BOARD_CSS);
  asset('/assets/board.js', 'text/javascript; charset=utf-8', BOARD_JS);
  asset('/assets/projects.js', 'text/javascript; charset=utf-8', PROJECTS_JS);
}

function registerBoard(app: FastifyInstance, options: PageRoutesOptions): void {
  const { service, hub } = options;
  app.get<{ Params: LinkParams; Querystring: { lang?: string } }>(
    '/board/:id/:token',
    async (request, reply) => {
      const access = await checkLink(service, request, reply, 'page');
      if (access === undefined) return reply;
      const state = await service.boardState(request.params.id);
      if (state === undefined) return sendError(reply, 404, 'unknown', 'Not found.');
      const path = boardPath(request.params.id, request.params.token);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          boardPage({
            state,
            role: access.role,
            language: access.language,
            eventsUrl: `${path}/events`,
            actionsUrl: `${path}/actions`,
            otherLanguageUrl: otherLanguage(path, access.language),
          }),
        );
    },
  );

  app.get<{ Params: LinkParams; Querystring: { lang?: string } }>(
    '/board/:id/:token/events',
    async (request, reply) => {
      const access = await checkLink(service, request, reply, 'json');
      if (access === undefined) return reply;
      if (hub.isFull) return sendError(reply, 503, 'busy', 'Too many open boards; try again later.');
      // The stream is written directly; fastify leaves the response alone from here.
      reply.hijack();
      await hub.open(request.params.id, reply.raw);
      return reply;
    },
  );

  app.post<{ Params: LinkParams; Querystring: { lang?: string } }>(
    '/board/:id/:token/actions',
    async (request, reply) => {
      const access = await checkLink(service, request, reply, 'json');
      if (access === undefined) return reply;
      if (access.role !== 'organiser')
        return sendError(reply, 403, 'forbidden', 'Only the organiser link can change the board.');
      if (!isSameOrigin(request, options.publicOrigin))
        return sendError(reply, 403, 'cross_origin', 'Changes are accepted from the board page only.');
      const parsed = ACTION.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 400, 'invalid', 'Not a board action.');
      const id = request.params.id;
      const action = parsed.data;
      if (action.action === 'names') {
        await service.setShowNames(id, action.show);
        return reply.header('cache-control', 'no-store').send({ ok: true });
      }
      const outcome =
        action.action === 'pin-next'
          ? await service.pinNext(id, 'board', 'board')
          : await service.decide(
              id,
              action.questionId,
              action.action,
              'board',
              action.action === 'answer' ? (action.answer ?? null) || null : null,
              'board',
            );
      switch (outcome.kind) {
        case 'done':
          return reply.header('cache-control', 'no-store').send({ ok: true });
        case 'empty':
          return sendError(reply, 409, 'empty', 'No question is waiting.');
        case 'unknown':
          return sendError(reply, 404, 'unknown_question', 'No such question.');
        case 'not_applicable':
          return sendError(reply, 409, 'not_applicable', `The question is already ${outcome.status}.`);
      }
    },
  );

  app.get<{ Params: LinkParams; Querystring: { lang?: string } }>(
    '/archive/:id/:token',
    async (request, reply) => {
      const { id, token } = request.params;
      const result = BRIEFING_ID.test(id)
        ? await service.archive(id, TOKEN.test(token) ? token : '')
        : ({ kind: 'unknown' } as const);
      const fallback = pageLanguage(request.query.lang, 'ko');
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      if (result.kind !== 'archive') {
        const code = result.kind === 'denied' ? 403 : 404;
        return reply.code(code).send(messagePage(fallback, PAGE_TEXT[fallback][result.kind]));
      }
      const language = pageLanguage(request.query.lang, result.archive.language);
      return reply.send(
        archivePage(result.archive, language, otherLanguage(archivePath(id, token), language)),
      );
    },
  );
}

function registerProjects(app: FastifyInstance, kb: KnowledgeBase): void {
  app.get<{ Querystring: Record<string, string | undefined> }>('/projects', async (request, reply) => {
    const query = readProjectQuery(kb, request.query);
    return reply.type('text/html; charset=utf-8').send(projectsPage(kb, query));
  });
  app.get<{ Querystring: Record<string, string | undefined> }>('/projects.csv', async (request, reply) => {
    const query = readProjectQuery(kb, request.query);
    const name = `projects${query.year === undefined ? '' : `-${query.year}`}-${query.language}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(projectsCsv(kb, query));
  });
}

/**
 * The pages for people: the live board (presenter and organiser links, its event stream and the
 * organiser's actions), the briefing archive, and the projects table with its CSV. Every response
 * carries the security headers; every address is rate limited.
 */
export function pageRoutes(options: PageRoutesOptions): RouteSet {
  return (app) => {
    addSecurityHeaders(app);
    addRateLimit(app, options.rateLimiter('http', options.requestsPerMinute, 60_000));
    registerAssets(app);
    registerBoard(app, options);
    registerProjects(app, options.kb);
  };
}
