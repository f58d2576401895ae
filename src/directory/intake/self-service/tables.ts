// The self-service and moderation tables' row types are in platform/db/schema/0005_accounts.ts;
// the shape of a proposed change belongs to this domain, so it is declared here (see
// platform/db/schema/json.ts).
import type { ServiceAggregate } from '../../model.ts';

export type { ChangeRequestStatus } from '../../../platform/db/index.ts';

declare module '../../../platform/db/schema/json.ts' {
  interface JsonShapes {
    'change_request.proposed': ServiceAggregate;
  }
}
