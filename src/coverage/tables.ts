// The coverage tables' row types are in platform/db/schema/0003_coverage.ts; the shape of a
// snapshot's JSON belongs to this domain, so it is declared here (see platform/db/schema/json.ts).
import type { SnapshotIndicators } from './snapshot-model.ts';

declare module '../platform/db/schema/json.ts' {
  interface JsonShapes {
    'coverage_snapshot.indicators': SnapshotIndicators;
  }
}
