// What other domains may use from accounts. See contract.ts for request.user and request.csrfToken.
export type { SessionUser } from './contract.ts';
export { CSRF_FIELD } from './contract.ts';
export { accountsPlugin, CSRF_HEADER } from './plugin.ts';
export { requireUser, requireAdmin, mayEdit, forbid } from './guards.ts';
export { Email, FormBody, formErrors, typed } from './forms.ts';
export { CsrfField, FormErrors, TextInput, TextArea, Select, CheckboxInput, type Errors } from './views/form.tsx';
export { FormPage, MessagePage } from './views/pages.tsx';
export { accountRoutes } from './routes.ts';
export { recordChanges, recordManyChanges, auditTrail, pseudonym, type AuditChange, type AuditRecord } from './audit.ts';
export { queueMail, queueRequestedMail, mailLimitMessage, MAIL_LIMITS, type Mail } from './mail/outbox.ts';
export { editorsOf, grantEditor, findUserById, findRoles } from './users.ts';
export { isLimited, countAttempt, limits } from './rate-limit.ts';
export type { DataSubject, DeletionNotice, PersonalDataSource } from './privacy.ts';
export { runDueJobs, nextNight, type JobDefinition } from './jobs.ts';
export { loadDemoAccounts, DEMO_ACCOUNTS } from './demo.ts';
