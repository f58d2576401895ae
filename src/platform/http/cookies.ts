/**
 * The session cookie's name. Accounts set and read it; the platform's load shedding only looks
 * whether a request carries one (a signed-in person's pages are never shed: see app.ts).
 */
export const SESSION_COOKIE = 'samklang_sesjon';
