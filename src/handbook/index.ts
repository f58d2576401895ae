export { syncHandbookContent, type SyncReport } from './sync.ts';
export { handbookRoutes } from './routes.ts';
export { exportHandbook } from './export.ts';
// the Markdown renderer and the line diff, for other domains' texts with the same editing model (network events' minutes)
export { renderMarkdown, hasTopLevelHeading, type RenderedSection } from './markdown.ts';
export { lineDiff, withContext, type DiffLine } from './diff.ts';
