// Importing directory data from files: the import page, moderation of editors' imports, the
// command line's bookkeeping. The file formats and the import itself live in ../hsds/import/.
export { importRoutes } from './routes.ts';
export { importFromCommandLine } from './service.ts';
export { listRuns, type RunSummary } from './store.ts';
