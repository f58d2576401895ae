/**
 * Name of the hidden form field that carries the CSRF token. The accounts plugin issues the token
 * (request.csrfToken) and checks it on every state-changing request before any route runs.
 */
export const CSRF_FIELD = '_csrf';
