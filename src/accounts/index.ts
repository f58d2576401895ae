// What other domains may use from accounts. See contract.ts for request.user and request.csrfToken.
// The form kit, mail, jobs and rate limits live in src/platform/.
export type { SessionUser } from './contract.ts';
export { accountsPlugin, CSRF_HEADER } from './plugin.ts';
export { inLanguageOf } from './language.ts';
export { requireUser, requireAdmin, mayEdit, forbid, askToSignIn } from './guards.ts';
export { accountRoutes } from './routes.ts';
export { recordChanges, recordManyChanges, auditTrail, pseudonym, type AuditChange, type AuditRecord } from './audit.ts';
export { editorsOf, grantEditor, findUserById, findRoles } from './users.ts';
export type { DataSubject, DeletionNotice, PersonalDataSource } from './privacy.ts';
export { loadDemoAccounts, DEMO_ACCOUNTS } from './demo.ts';
