import type { Catalogue } from '../catalogue.ts';
import { formatInteger } from '../format.ts';

/**
 * English text of an import's findings, its read errors and the import command. A finding is read
 * by a secretariat worker, not a developer: it says what is wrong and what to do. HSDS table and
 * field names stay as they are (service.name, location.latitude), and so do the column names and
 * codes of Samklang's CSV template: they are what the file itself says. Read as en.hsdsImport.
 */

const rowCount = (n: number) => (n === 1 ? '1 row' : `${n} rows`);
const timeCount = (n: number) => (n === 1 ? 'once' : `${n} times`);
const NOT_FOUND = 'is neither in the file nor in the directory';

export const hsdsImport = {
  /** where in the file a finding is; JSON paths after it stay paths */
  where: {
    document: '(the document)',
    line: (n: number) => `line ${n}`,
    fileLine: (file: string, n: number) => `${file} line ${n}`,
    page: (n: number) => `page ${n}`,
  },

  /** what a value must be, written after the field's name: "latitude must be …" */
  hint: {
    uuid: 'must be a UUID, for example 3f7b145d-84af-42d7-8fae-eaca714b02b2',
    text: (max: number) => `must be text of at most ${formatInteger(max)} characters`,
    date: 'must be a date written YYYY-MM-DD, for example 2026-03-15',
    time: 'must be a time written HH:MM or HH:MM:SS, for example 09:30',
    dateTime: 'must be a date and time with a time zone, for example 2026-03-15T10:30:00Z',
    email: 'must be an email address, for example post@example.no',
    uri: 'must be a full web address, for example https://example.no',
    webUrl: 'must be a web address that starts with https:// or http://, for example https://example.no (other kinds of link, such as javascript: or data:, are not accepted)',
    wholeNumber: (min: number, max: number) => `must be a whole number from ${min} to ${max}`,
    number: (min: number, max: number) => `must be a number between ${min} and ${max}`,
    oneOf: (values: string[]) => `must be one of these: ${values.join(', ')}`,
    flag: 'must be true or false',
    municipalityNumber: 'must be a municipality number of four digits, for example 0301',
    countryCode: 'must be a country code of two capital letters, for example NO',
  },

  /** a row's own values */
  row: {
    noId: (table: string) => `${table} has no id. Every row must have an id (a UUID).`,
    repeated: (table: string, id: string, first: string, field: string, value: string, before: string) =>
      `${table} ${id} appears in more than one place in the file (first: ${first}) with a different ${field}: “${value}” here and “${before}” there. Give ${field} the same value everywhere.`,
    required: (field: string) => `${field} is missing and must be filled in`,
    invalid: (field: string, hint: string, shown: string) => `${field} ${hint} (it was ${shown})`,
    unfit: 'has a value that does not fit',
    nul: (field: string) => `${field} contains a NUL character (\\u0000), which cannot be saved. Remove it from the text.`,
    ageOrder: (min: number, max: number) => `minimum_age (${min}) is higher than maximum_age (${max}). Fix one of them, or swap them.`,
  },

  /** the shape of HSDS JSON */
  json: {
    invalid: 'is not valid JSON. Check that the line is one whole JSON object.',
    notAnObject: 'there must be an HSDS object in curly brackets { … } here, not a single value',
    apiInfo: 'this is the API’s information document (version, profile, openapi_url), not directory data. Read in the services instead, for example from /services.',
    unknownObject: 'the import does not recognise this object. It reads service, organization, location, service_at_location, taxonomy and taxonomy_term.',
    mustBeObject: (field: string) => `${field} must be one object { … }, not a list or a single value`,
    eachMustBeObject: (field: string) => `each item in ${field} must be an object { … }`,
    mustBeList: (field: string) => `${field} must be a list [ … ]`,
    mustBeSingleValue: (field: string) => `${field} must be one value (text, a number, true or false), not a list or an object`,
    tooDeep: (max: number) => `the objects are nested more than ${max} levels deep, and HSDS has no nesting like that. Check that the file is an HSDS document.`,
    nestedIdDiffers: (column: string, value: string, field: string, childId: string) =>
      `${column} is ${value}, but the ${field} inside it has the id ${childId}. The two must be the same.`,
  },

  /** HSDS tabular files and datapackage.json */
  tabular: {
    datapackageInvalid: 'datapackage.json is not valid JSON',
    noResources: 'datapackage.json does not list any files (the resources list is empty)',
    outsidePackage: (path: string) => `the file ${path} in resources must be in the folder of datapackage.json or below it (not starting with .. or /)`,
    ragged: (cells: number, header: number) => `the row has ${cells} ${cells === 1 ? 'cell' : 'cells'}, but the header row has ${header}. Check the separators and quotation marks in the row.`,
    notCsv: 'the text cannot be read as CSV from here on (for example a quotation mark that is never closed); the rows after it have not been read',
    unknownFile: 'the file name is not an HSDS table name (for example services.csv or locations.csv), so the file has been left out',
  },

  /** a zip of an HSDS tabular package */
  zip: {
    invalid: (zip: string) => `${zip} cannot be unpacked as a zip file. Make the zip file again and try again.`,
    empty: (zip: string) => `${zip} contains no files.`,
    tooManyEntries: (zip: string, max: number) => `${zip} has more than ${max} files. An HSDS package has about 22; zip only the package.`,
    tooLarge: (zip: string, megabytes: number) => `${zip} is larger than ${megabytes} MB when unpacked. Import larger packages from the command line.`,
    unsafeName: (zip: string, entry: string) => `${zip} contains “${entry}”, a name that points out of the package (starting with .. or /). The zip file has not been used.`,
    notUtf8: (zip: string, entry: string) => `${entry} in ${zip} is not saved as UTF-8. Save it as “CSV UTF-8” and zip it again.`,
  },

  /** Samklang's CSV template (one service a row, Norwegian columns; column names and codes stay as they are) */
  template: {
    status: (value: string) => `status “${value}” must be aktiv (active), midlertidig stengt (temporarily closed), inaktiv (inactive) or nedlagt (closed down)`,
    organisationNumber: (value: string) => `organisasjonsnummer “${value}” must be nine digits (the organisation number)`,
    unknownCode: (column: string, code: string, facet: string) => `${column} “${code}” is not a code in ${facet}. The valid codes are on the Open data page.`,
    needsPlace: (column: string) => `${column} says something about the place, so the row must have adresse, kommunenummer, or breddegrad and lengdegrad (address, municipality number, or latitude and longitude)`,
    postalCode: (value: string) => `postnummer “${value}” is not a Norwegian postcode`,
  },

  /** links between rows, and what the directory already holds */
  references: {
    parentCycle: (chain: string[]) =>
      `organization ${chain[0]} would become its own parent organisation (${chain.join(' → ')}). Fix parent_organization_id in one of them.`,
    missing: (column: string, value: string, target: string) =>
      `${column} ${value} points to a ${target} that ${NOT_FOUND}. Include this ${target} in the file, or fix ${column}.`,
    missingLink: (column: string, value: string, target: string) => `${column} ${value} points to a ${target} that ${NOT_FOUND}; the link has been left out`,
    attributeOnNothing: (entity: string, id: string) => `the attribute belongs to ${entity} ${id}, which ${NOT_FOUND}; the attribute has been left out`,
    municipality: (number: string) =>
      `municipality number ${number} is not in the 2024 list of municipalities. Fix the number, or leave it empty if the place has a Norwegian postcode.`,
    duplicateInFile: (table: string, other: string, columns: string[]) =>
      `another ${table} in the file (${other}) has the same ${columns.join(', ')}. Each such combination can only be used once.`,
    duplicateInDirectory: (table: string, id: string, columns: string[]) =>
      `${table} ${id} in the directory already has the same ${columns.join(', ')}. Use id ${id} in the file to change that entry, or fix the values.`,
  },

  /** why each HSDS field or table Samklang does not store is left out (docs/hsds-profile.md) */
  dropped: {
    fees: 'the field is deprecated in HSDS 3.0; prices go in fees_description and in cost_options, which are saved',
    accreditations: 'accreditations have no place in the Norwegian profile yet; write them in the description if they matter to service users',
    licenses: 'licences and authorisations have no place in the Norwegian profile yet; the authorisation of health personnel is in Helsepersonellregisteret (the Norwegian register of health personnel)',
    taxStatus: 'a tax status (such as the American 501(c)(3)) has no meaning in Norway',
    taxId: 'a Norwegian organisation is identified by its organisation number in organization_identifiers (NO-BRC)',
    metadata: 'Samklang’s history of changes is its audit log; another directory’s history is not saved',
    metaTableDescription: 'descriptions of tables are about the sender’s directory, not about the services',
  },

  /** what an import reads but does not store: warnings, never problems */
  leftOut: {
    attributeOf: (kind: string) => `attributes on ${kind} are not saved in Samklang; this one has been left out`,
    attributeWithoutEntity: 'the attribute does not say what it belongs to (link_entity is missing); it has been left out',
    dataAttribute: (code: string, entities: string[]) => `the attribute ${code} should belong to a ${entities.join(' or ')} in this file, but does not; it has been left out`,
    ownTerm: (key: string) => `the term ${key} belongs to Samklang’s own classification, which a file cannot change; the file’s version has not been used`,
    table: (table: string, count: number, reason: string) => `${rowCount(count)} in ${table} ${count === 1 ? 'is' : 'are'} not saved in Samklang and ${count === 1 ? 'has' : 'have'} been left out: ${reason}`,
    knownField: (key: string, count: number, reason: string) => `the HSDS field ${key} is not saved in Samklang and has been left out (${timeCount(count)}): ${reason}`,
    /** a confidential location's fields the export masks: absent means unknown, and the directory's values stay */
    maskedKept: (count: number) =>
      `${count === 1 ? 'one protected location has' : `${count} protected locations have`} no name, address, transport or coordinates, just as Samklang’s export hides them; the directory keeps its own values`,
    /** a service whose assured_date is past the hidden threshold: imported, but shown nowhere */
    hiddenByAge: (name: string, assured: string, months: number) =>
      `the service “${name}” was last confirmed on ${assured}, more than ${months} months ago. It will be imported, but it is not shown in search or in the open data until an editor confirms that the details are correct.`,
    unknownField: (key: string, count: number) => `the unknown field ${key} is not saved and has been left out (${timeCount(count)})`,
  },
  tooManyRows: (rows: number, max: number) =>
    `The file gives ${formatInteger(rows)} rows (services, locations, addresses, phone numbers and the rest together). An editor can import at most ${formatInteger(max)} rows at a time here. Split the file into smaller parts, or ask the secretariat to import the whole file for you.`,
  refusedByDatabase: (reason: string) => `The database did not accept the import (${reason}). Nothing has been saved. Fix the value in the file and upload it again, or contact the secretariat.`,
  noData: 'contains no services, organisations or locations that Samklang can read in',

  /** a file or address that cannot be read at all (thrown, not a finding) */
  read: {
    notFound: (ref: string) => `Cannot find ${ref}. Check that the name and the folder are spelt correctly.`,
    notAllowed: (ref: string) => `Samklang is not allowed to read ${ref}. Check the access rights of the file.`,
    failed: (ref: string, reason: string) => `Could not read ${ref} (${reason}).`,
    httpStatus: (ref: string, status: number) => (status === 404
      ? `${ref} does not exist (it answered 404). Check the address.`
      : `${ref} answered with error code ${status}, so the file could not be fetched. Check that the address is correct and open without signing in.`),
    timeout: (ref: string, seconds: number) => `${ref} did not answer within ${seconds} ${seconds === 1 ? 'second' : 'seconds'}. Try again later.`,
    unreachable: (ref: string) => `Could not reach ${ref}. Check the address and the network connection.`,
    tooManyPages: (pages: number, max: number) =>
      `the address answers with page 1 of ${pages}, and the import follows at most ${max} pages. Fetch everything at once (format=ndjson or /hsds/tabular.json), or use per_page=500.`,
    pageMismatch: (page: number) => `the address did not answer with page ${page} when the import asked for it, so the pages cannot be read in order. Nothing has been imported.`,
  },

  /** scripts/import.ts; its --json keys stay English (they are an interface) */
  cli: {
    usage: 'Usage: npm run import -- <file|folder|url> [--dry-run] [--json]',
    unknownArgument: (arg: string) => `unknown argument ${arg}`,
    heading: (dryRun: boolean, source: string) => `${dryRun ? 'Dry run of' : 'Import of'} ${source}`,
    ok: 'OK',
    refused: (n: number) => `${n} ${n === 1 ? 'problem' : 'problems'}, nothing has changed`,
    problem: 'problem',
    note: 'note',
    added: 'new',
    changed: 'changed',
    unchanged: 'unchanged',
    wouldChange: 'would change',
    more: (n: number) => `… and ${n} more changed ${n === 1 ? 'row' : 'rows'} (--json shows them all)`,
    reindexed: (n: number) => `search entries rebuilt: ${n}`,
  },
} as const satisfies Catalogue['hsdsImport'];
