export { syncHandbookContent, type SyncReport } from './sync.ts';
export { handbookRoutes } from './routes.ts';
export { exportHandbook } from './export.ts';
export { renderMarkdown, hasTopLevelHeading, headingId, type RenderedSection } from './markdown.ts';
export { PdfWriter } from './planner/pdf.ts';
