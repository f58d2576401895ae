/**
 * What every domain may rely on from accounts (the accounts plugin fills it in for every request):
 * - `request.user`: the signed-in person, or null for the public;
 * - `request.csrfToken`: the token every POST form must send back as the hidden field `_csrf`
 *   (the plugin rejects a state-changing request without a valid one, before any route runs);
 * - `requireUser` / `requireAdmin` preHandlers: a page answers with the sign-in page (or 403),
 *   the API with problem+json 401/403.
 * Import these only through src/accounts/index.ts.
 */
export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
  /** organisation ids this user may edit (role "editor") */
  editorOf: string[];
  /** the language the account last chose (mail is written in it); null before any choice */
  language?: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    csrfToken: string;
  }
}
