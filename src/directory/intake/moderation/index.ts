// The admin moderation queue, history, dashboard, and the public "Meld fra om feil".
export { moderationRoutes } from './routes.ts';
