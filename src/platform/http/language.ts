import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isOffered } from '../i18n/index.ts';
import { addVary } from './compress.ts';
import { chooseLanguage, DEFAULT_LANGUAGE, LANGUAGE_COOKIE, LANGUAGE_PARAM, withLanguage } from '../i18n/language.ts';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

const chosenBy = new WeakSet<FastifyRequest>();

/** The reader chose the request's language themselves (`?lang=` now or the remembered cookie), not the browser. */
export const languageWasChosen = (request: FastifyRequest): boolean => chosenBy.has(request);

/**
 * Every request is served in one language, chosen by `?lang=` (remembered in a cookie for a year),
 * else the remembered choice, else Accept-Language, else bokmål; a language whose catalogue is not
 * complete is never chosen. The rest of the request (later hooks, the handler, the page) runs inside
 * that language, so `t` and the formatters follow it. `lang` is taken out of the parsed query, so
 * routes with strict query schemas accept it on any page.
 *
 * Why a parameter and not a path prefix: every route, form and link keeps working unchanged, a
 * shared address that carries `?lang=` opens in that language, and the cookie carries the choice
 * across pages without rewriting every link.
 */
export function registerLanguage(app: FastifyInstance, secureCookie: boolean, publicUrl: string): void {
  const origin = new URL(publicUrl).origin;
  app.addHook('onRequest', (request, reply, done) => {
    const query = request.query as Record<string, unknown> | undefined;
    const param = query?.[LANGUAGE_PARAM];
    const choice = chooseLanguage({
      param: Array.isArray(param) ? param[0] : param,
      cookie: request.cookies?.[LANGUAGE_COOKIE],
      acceptLanguage: request.headers['accept-language'],
    });
    const language = isOffered(choice.language) ? choice.language : DEFAULT_LANGUAGE;
    if (language === choice.language && (choice.chosen || request.cookies?.[LANGUAGE_COOKIE] === language)) chosenBy.add(request);
    if (query && LANGUAGE_PARAM in query) delete query[LANGUAGE_PARAM];
    if (choice.chosen && language === choice.language) {
      reply.setCookie(LANGUAGE_COOKIE, language, { path: '/', sameSite: 'lax', secure: secureCookie, maxAge: YEAR_SECONDS, httpOnly: true });
    }
    withLanguage(language, done, request.url, origin);
  });
  app.addHook('onSend', async (_request, reply) => {
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return;
    addVary(reply, 'Accept-Language');
    addVary(reply, 'Cookie');
  });
}
