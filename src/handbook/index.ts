export { syncHandbookContent, type SyncReport } from './sync.ts';
export { handbookRoutes } from './routes.ts';
export { exportHandbook } from './export.ts';
// the Markdown renderer, the line diff and the PDF writer, for other domains' texts with the same editing
// model (network events' minutes, course modules) and documents (course certificates)
export { renderMarkdown, hasTopLevelHeading, headingId, type RenderedSection } from './markdown.ts';
export { lineDiff, withContext, type DiffLine } from './diff.ts';
export { PdfWriter } from './planner/pdf.ts';
