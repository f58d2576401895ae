export { syncHandbookContent, type SyncReport } from './sync.ts';
export { handbookRoutes } from './routes.ts';
export { exportHandbook } from './export.ts';
