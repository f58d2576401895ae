// Where each field of a service goes. Adding a field to services starts with its migration and the
// row type (ServiceTable in src/platform/db/schema/0002_directory.ts); then the compiler names
// every place that must decide about it, because each output below lists every field:
// - MODEL_COLUMNS (here): the column's name in the model, ServiceAggregate (model.ts), which
//   queries.ts reads and write.ts writes, and forms, change requests and imports use;
// - DIFF_FIELDS (intake/self-service/diff.ts): the moderation diff and the audit log;
// - API_FIELDS (finder/api-schema.ts): GET /api/v1/services/:id;
// - HSDS_COLUMNS (src/opendata/hsds/objects.ts) and FHIR_COLUMNS (src/opendata/fhir/resources.ts);
// - the import's columns (hsds/columns.ts, a record of every HSDS service field).
// An output that leaves a field out says why, in words. test/directory/service-fields.db.test.ts
// checks that every field placed in an output really arrives there.
import type { ServiceTable } from '../platform/db/index.ts';
import type { ServiceAggregate } from './model.ts';

/** Why an output leaves a field out. */
export type LeftOut = { leftOut: string };
/** Where each stored column of service goes in one output: a path in the output, or why it is left out. */
export type ColumnPlaces = { readonly [K in keyof ServiceTable]-?: string | LeftOut };
/** Where each field of the model goes in one output. */
export type FieldPlaces = { readonly [K in keyof ServiceAggregate]-?: string | LeftOut };

const hsdsOnly: LeftOut = { leftOut: 'an HSDS field kept as imported and exported; no form edits it' };
const bookkeeping: LeftOut = { leftOut: 'bookkeeping of the database' };

/** The model's name for each column. */
export const MODEL_COLUMNS = {
  id: 'id',
  organization_id: 'organizationId',
  name: 'name',
  alternate_name: hsdsOnly,
  description: 'description',
  url: 'url',
  email: 'email',
  status: 'status',
  interpretation_services: hsdsOnly,
  application_process: 'applicationProcess',
  fees_description: 'feesDescription',
  wait_time: 'waitTime',
  eligibility_description: 'eligibilityDescription',
  minimum_age: 'minimumAge',
  maximum_age: 'maximumAge',
  assured_date: 'assuredDate',
  assurer_email: { leftOut: 'who confirmed the entry is kept for moderators, not edited in forms' },
  alert: hsdsOnly,
  fte: 'fte',
  is_demo: 'isDemo',
  program_id: hsdsOnly,
  last_modified: bookkeeping,
  created_at: bookkeeping,
} as const satisfies { readonly [K in keyof ServiceTable]-?: keyof ServiceAggregate | LeftOut };
