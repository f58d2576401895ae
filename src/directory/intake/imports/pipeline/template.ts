import type { Db } from '../../../../platform/db/index.ts';
import { nameUuid } from '../../../../platform/ids.ts';
import { titleCase } from '../../../../reference/index.ts';
import type { CsvTable } from './csv.ts';
import { ORGANIZATION_NUMBER_TYPE } from '../../../write.ts';
import { FACETS, LANGUAGE_FACET, TERM_BY_KEY } from '../../../taxonomy.ts';
import { facetLabel } from '../../../taxonomy-labels.ts';
import type { Dataset, FlatRow } from '../../../hsds/dataset.ts';
import { msg } from '../../../../platform/i18n/index.ts';

/**
 * Our own simple CSV template: one row per service, Norwegian column names, classification as
 * codes. Ids not given are derived from the organisation and service names, so importing the
 * same sheet again updates the same services instead of adding new ones. The page /apne-data
 * documents every column (msg.openData.template).
 */
export const TEMPLATE_COLUMNS = [
  'id', 'navn', 'beskrivelse', 'status', 'organisasjon', 'organisasjonsnummer', 'epost', 'nettside', 'telefon',
  'adresse', 'postnummer', 'poststed', 'kommunenummer', 'breddegrad', 'lengdegrad', 'skjermet', 'arsverk',
  'alder_fra', 'alder_til', 'slik_far_du_tilbudet', 'ventetid', 'pris', 'sist_bekreftet',
  ...FACETS.map((f) => f.id), LANGUAGE_FACET,
] as const;

export const isTemplate = (header: string[]) => header.includes('navn') && header.includes('organisasjon');

const STATUS: Record<string, string> = {
  '': 'active', aktiv: 'active', 'midlertidig stengt': 'temporarily closed', inaktiv: 'inactive', nedlagt: 'defunct',
  active: 'active', 'temporarily closed': 'temporarily closed', inactive: 'inactive', defunct: 'defunct',
};
const YES = new Set(['ja', 'yes', 'true', 'x', '1']);

/** Postal codes with their municipality and county, for addresses typed without them. */
export interface TemplateLookup {
  postal: Map<string, { place: string; municipality: string | null; county: string | null }>;
  /** organisations the directory has, by organisation number: a sheet row adds to them, it does not copy them */
  organizations: Map<string, string>;
}

export async function templateLookup(db: Db): Promise<TemplateLookup> {
  const rows = await db.selectFrom('postal_code as p')
    .leftJoin('municipality as m', 'm.number', 'p.municipality_number')
    .leftJoin('county as c', 'c.number', 'm.county_number')
    .select(['p.code', 'p.place', 'p.municipality_number', 'c.name as county']).execute();
  const organizations = await db.selectFrom('organization_identifier').select(['identifier', 'organization_id'])
    .where('identifier_type', '=', ORGANIZATION_NUMBER_TYPE).execute();
  return {
    postal: new Map(rows.map((r) => [r.code, { place: r.place, municipality: r.municipality_number, county: r.county }])),
    organizations: new Map(organizations.map((o) => [o.identifier, o.organization_id])),
  };
}

const list = (cell: string) => cell.split(/[,|]/).map((v) => v.trim()).filter(Boolean);
const decimal = (cell: string) => (cell.trim() === '' ? null : cell.trim().replace(',', '.'));
const orNull = (cell: string | undefined) => (cell?.trim() ? cell.trim() : null);

export function addTemplateRows(dataset: Dataset, table: CsvTable, file: string, lookup: TemplateLookup): void {
  for (const { line, values } of table.records) {
    const where = msg.hsdsImport.where.fileLine(file, line);
    const cell = (name: string) => values[name]?.trim() ?? '';
    const orgNumber = cell('organisasjonsnummer').replace(/\s/g, '');
    const orgKey = orgNumber || cell('organisasjon').toLowerCase();
    const known = orgNumber ? lookup.organizations.get(orgNumber) : undefined;
    const organizationId = known ?? nameUuid(`template:organization:${orgKey}`);
    const serviceId = cell('id') || nameUuid(`template:service:${orgKey}:${cell('navn').toLowerCase()}`);
    const status = STATUS[cell('status').toLowerCase()];
    if (!status) dataset.problems.push({ where, message: msg.hsdsImport.template.status(cell('status')) });

    // an organisation the directory already has (registered through the form, say) keeps its own
    // name, description and number; the sheet only adds services to it
    if (!known) dataset.add('organization', { id: organizationId, name: orNull(cell('organisasjon')), description: '' }, where);
    if (orgNumber && !known) {
      if (!/^[0-9]{9}$/.test(orgNumber)) dataset.problems.push({ where, message: msg.hsdsImport.template.organisationNumber(orgNumber) });
      dataset.add('organization_identifier', {
        id: nameUuid(`orgnr:${orgNumber}`), organization_id: organizationId, identifier_scheme: 'NO-BRC',
        identifier_type: ORGANIZATION_NUMBER_TYPE, identifier: orgNumber,
      }, where);
    }
    dataset.add('service', {
      id: serviceId, organization_id: organizationId, name: orNull(cell('navn')), description: cell('beskrivelse'), status: status ?? null,
      email: orNull(cell('epost')), url: orNull(cell('nettside')), application_process: orNull(cell('slik_far_du_tilbudet')),
      wait_time: orNull(cell('ventetid')), fees_description: orNull(cell('pris')), minimum_age: orNull(cell('alder_fra')),
      maximum_age: orNull(cell('alder_til')), assured_date: orNull(cell('sist_bekreftet')), fte: decimal(cell('arsverk')),
    }, where);
    if (cell('telefon')) dataset.add('phone', { id: nameUuid(`phone:${serviceId}:0`), service_id: serviceId, number: cell('telefon') }, where);
    list(cell(LANGUAGE_FACET)).forEach((code, i) => dataset.add('language', { id: nameUuid(`language:${serviceId}:${i}`), service_id: serviceId, code }, where));

    const locationId = addTemplateLocation(dataset, cell, { where, serviceId, organizationId, lookup });
    for (const facet of FACETS) {
      for (const code of list(cell(facet.id))) {
        const term = TERM_BY_KEY.get(`${facet.id}:${code}`);
        if (!term) {
          dataset.problems.push({ where, message: msg.hsdsImport.template.unknownCode(facet.id, code, facetLabel(facet.id)) });
          continue;
        }
        const onLocation = facet.appliesTo === 'location';
        if (onLocation && !locationId) {
          dataset.problems.push({ where, message: msg.hsdsImport.template.needsPlace(facet.id) });
          continue;
        }
        const linkId = onLocation ? locationId! : serviceId;
        dataset.add('attribute', {
          id: nameUuid(`attr:${linkId}:${term.key}`), link_id: linkId, link_entity: onLocation ? 'location' : 'service',
          link_type: onLocation ? 'accessibility' : 'classification', taxonomy_term_id: term.id,
        }, where);
      }
    }
  }
}

function addTemplateLocation(dataset: Dataset, cell: (name: string) => string,
  context: { where: string; serviceId: string; organizationId: string; lookup: TemplateLookup }): string | null {
  const { where, serviceId, organizationId, lookup } = context;
  if (!cell('adresse') && !cell('kommunenummer') && !cell('breddegrad')) return null;
  const locationId = nameUuid(`template:location:${serviceId}`);
  const postal = lookup.postal.get(cell('postnummer'));
  const location: FlatRow = {
    id: locationId, location_type: 'physical', organization_id: organizationId, latitude: decimal(cell('breddegrad')),
    longitude: decimal(cell('lengdegrad')), is_confidential: YES.has(cell('skjermet').toLowerCase()),
    municipality_number: orNull(cell('kommunenummer')) ?? postal?.municipality ?? null,
  };
  dataset.add('location', location, where);
  dataset.add('service_at_location', { id: nameUuid(`sal:${serviceId}:${locationId}`), service_id: serviceId, location_id: locationId }, where);
  if (cell('adresse')) {
    if (!postal) dataset.problems.push({ where, message: msg.hsdsImport.template.postalCode(cell('postnummer')) });
    dataset.add('address', {
      id: nameUuid(`address:${locationId}`), location_id: locationId, address_1: cell('adresse'), postal_code: orNull(cell('postnummer')),
      city: orNull(cell('poststed')) ?? (postal ? titleCase(postal.place) : null), state_province: postal?.county ?? null, country: 'NO', address_type: 'physical',
    }, where);
  }
  return locationId;
}
