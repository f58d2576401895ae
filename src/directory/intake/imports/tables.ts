// The import tables' row types are in platform/db/schema/0007_imports.ts and 0008_import_checks.ts;
// the shape of a run's report belongs to this domain, so it is declared here (see
// platform/db/schema/json.ts).
import type { ImportReport } from './pipeline/index.ts';

export type { ImportStatus } from '../../../platform/db/index.ts';
export interface UploadedFile { name: string; text: string }

declare module '../../../platform/db/schema/json.ts' {
  interface JsonShapes {
    'import_run.report': ImportReport;
  }
}
