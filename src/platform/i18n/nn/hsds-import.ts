import type { Catalogue } from '../catalogue.ts';
import { formatInteger } from '../format.ts';

/**
 * Nynorsk text of an import's findings, its read errors and the import command. A finding is read
 * by a secretariat worker, not a developer: it says what is wrong and what to do. HSDS table and
 * field names stay as they are (service.name, location.latitude), and so do the column names and
 * codes of Samklang's CSV template: they are what the file itself says. Read as nn.hsdsImport.
 */

const rowCount = (n: number) => (n === 1 ? '1 rad' : `${n} rader`);
const timeCount = (n: number) => (n === 1 ? '1 gong' : `${n} gonger`);
const NOT_FOUND = 'verken finst i fila eller i katalogen';

export const hsdsImport = {
  /** where in the file a finding is; JSON paths after it stay paths */
  where: {
    document: '(dokumentet)',
    line: (n: number) => `linje ${n}`,
    fileLine: (file: string, n: number) => `${file} linje ${n}`,
    page: (n: number) => `side ${n}`,
  },

  /** what a value must be, written after the field's name: "latitude må vere …" */
  hint: {
    uuid: 'må vere ein UUID, til dømes 3f7b145d-84af-42d7-8fae-eaca714b02b2',
    text: (max: number) => `må vere tekst på høgst ${formatInteger(max)} teikn`,
    date: 'må vere ein dato skriven ÅÅÅÅ-MM-DD, til dømes 2026-03-15',
    time: 'må vere eit klokkeslett skrive TT:MM eller TT:MM:SS, til dømes 09:30',
    dateTime: 'må vere dato og klokkeslett med tidssone, til dømes 2026-03-15T10:30:00Z',
    email: 'må vere ei e-postadresse, til dømes post@example.no',
    uri: 'må vere ei fullstendig nettadresse, til dømes https://example.no',
    webUrl: 'må vere ei nettadresse som byrjar med https:// eller http://, til dømes https://example.no (andre typar lenkjer, som javascript: eller data:, tek vi ikkje imot)',
    wholeNumber: (min: number, max: number) => `må vere eit heiltal frå ${min} til ${max}`,
    number: (min: number, max: number) => `må vere eit tal mellom ${min} og ${max}`,
    oneOf: (values: string[]) => `må vere ein av desse verdiane: ${values.join(', ')}`,
    flag: 'må vere true eller false',
    municipalityNumber: 'må vere eit kommunenummer på fire siffer, til dømes 0301',
    countryCode: 'må vere ein landskode på to store bokstavar, til dømes NO',
  },

  /** a row's own values */
  row: {
    noId: (table: string) => `${table} manglar id. Kvar rad må ha ein id (ein UUID).`,
    repeated: (table: string, id: string, first: string, field: string, value: string, before: string) =>
      `${table} ${id} står fleire stader i fila (først: ${first}) med ulik ${field}: «${value}» her og «${before}» der. Gi ${field} same verdi alle stader.`,
    required: (field: string) => `${field} manglar og må fyllast ut`,
    invalid: (field: string, hint: string, shown: string) => `${field} ${hint} (var ${shown})`,
    unfit: 'har ein verdi som ikkje passar',
    nul: (field: string) => `${field} inneheld eit NUL-teikn (\\u0000), som ikkje kan lagrast. Fjern det frå teksten.`,
    ageOrder: (min: number, max: number) => `minimum_age (${min}) er høgare enn maximum_age (${max}). Rett den eine, eller byt dei om.`,
  },

  /** the shape of HSDS JSON */
  json: {
    invalid: 'er ikkje gyldig JSON. Kontroller at linja er eitt heilt JSON-objekt.',
    notAnObject: 'her må det stå eit HSDS-objekt i krøllparentesar { … }, ikkje ein enkeltverdi',
    apiInfo: 'dette er informasjonsdokumentet til API-et (version, profile, openapi_url), ikkje katalogdata. Les inn tenestene i staden, til dømes frå /services.',
    unknownObject: 'importen kjenner ikkje att dette objektet. Han les service, organization, location, service_at_location, taxonomy og taxonomy_term.',
    mustBeObject: (field: string) => `${field} må vere eitt objekt { … }, ikkje ei liste eller ein enkeltverdi`,
    eachMustBeObject: (field: string) => `kvart element i ${field} må vere eit objekt { … }`,
    mustBeList: (field: string) => `${field} må vere ei liste [ … ]`,
    mustBeSingleValue: (field: string) => `${field} må vere éin verdi (tekst, tal, true eller false), ikkje ei liste eller eit objekt`,
    tooDeep: (max: number) => `objekta er nesta djupare enn ${max} nivå, og slik nesting finst ikkje i HSDS. Kontroller at fila er eit HSDS-dokument.`,
    nestedIdDiffers: (column: string, value: string, field: string, childId: string) =>
      `${column} er ${value}, men ${field} inni har id ${childId}. Dei to må vere like.`,
  },

  /** HSDS tabular files and datapackage.json */
  tabular: {
    datapackageInvalid: 'datapackage.json er ikkje gyldig JSON',
    noResources: 'datapackage.json viser ikkje til nokon filer (lista resources er tom)',
    outsidePackage: (path: string) => `fila ${path} i resources må liggje i same mappe som datapackage.json eller i ei undermappe (ikkje .. eller / først)`,
    ragged: (cells: number, header: number) => `rada har ${cells} ${cells === 1 ? 'celle' : 'celler'}, men overskriftsrada har ${header}. Kontroller skiljeteikn og hermeteikn i rada.`,
    notCsv: 'teksten kan ikkje lesast som CSV herfrå (til dømes eit hermeteikn som aldri blir lukka); radene etter er ikkje lesne',
    unknownFile: 'filnamnet er ikkje eit HSDS-tabellnamn (til dømes services.csv eller locations.csv), så fila er hoppa over',
  },

  /** a zip of an HSDS tabular package */
  zip: {
    invalid: (zip: string) => `${zip} kan ikkje pakkast ut som zip-fil. Lag zip-fila på nytt og prøv igjen.`,
    empty: (zip: string) => `${zip} inneheld ingen filer.`,
    tooManyEntries: (zip: string, max: number) => `${zip} har fleire enn ${max} filer. Ein HSDS-pakke har rundt 22; pakk berre han.`,
    tooLarge: (zip: string, megabytes: number) => `${zip} blir større enn ${megabytes} MB når fila blir pakka ut. Større pakkar importerer du frå kommandolinja.`,
    unsafeName: (zip: string, entry: string) => `${zip} inneheld «${entry}», eit namn som peikar ut av pakken (.. eller / først). Zip-fila er ikkje brukt.`,
    notUtf8: (zip: string, entry: string) => `${entry} i ${zip} er ikkje lagra som UTF-8. Lagre fila som «CSV UTF-8» og pakk på nytt.`,
  },

  /** Samklang's CSV template (one service a row, Norwegian columns; column names and codes stay as they are) */
  template: {
    status: (value: string) => `status «${value}» må vere aktiv, midlertidig stengt, inaktiv eller nedlagt`,
    organisationNumber: (value: string) => `organisasjonsnummer «${value}» må vere ni siffer`,
    unknownCode: (column: string, code: string, facet: string) => `${column} «${code}» er ikkje ein kode i ${facet}. Gyldige kodar står på sida Opne data.`,
    needsPlace: (column: string) => `${column} seier noko om staden, så rada må ha adresse, kommunenummer eller breddegrad og lengdegrad`,
    postalCode: (value: string) => `postnummer «${value}» er ikkje eit norsk postnummer`,
  },

  /** links between rows, and what the directory already holds */
  references: {
    parentCycle: (chain: string[]) =>
      `organization ${chain[0]} ville bli den overordna organisasjonen til seg sjølv (${chain.join(' → ')}). Rett parent_organization_id i ein av dei.`,
    missing: (column: string, value: string, target: string) =>
      `${column} ${value} peikar på ein ${target} som ${NOT_FOUND}. Ta med denne ${target} i fila, eller rett ${column}.`,
    missingLink: (column: string, value: string, target: string) => `${column} ${value} peikar på ein ${target} som ${NOT_FOUND}; koplinga er hoppa over`,
    attributeOnNothing: (entity: string, id: string) => `eigenskapen gjeld ${entity} ${id}, som ${NOT_FOUND}; eigenskapen er hoppa over`,
    municipality: (number: string) =>
      `kommunenummer ${number} finst ikkje i kommuneinndelinga frå 2024. Rett nummeret, eller la det stå tomt dersom staden har norsk postnummer.`,
    duplicateInFile: (table: string, other: string, columns: string[]) =>
      `ein annan ${table} i fila (${other}) har same ${columns.join(', ')}. Kvar slik kombinasjon kan berre brukast éin gong.`,
    duplicateInDirectory: (table: string, id: string, columns: string[]) =>
      `${table} ${id} i katalogen har alt same ${columns.join(', ')}. Bruk id ${id} i fila for å endre oppføringa, eller rett verdiane.`,
  },

  /** why each HSDS field or table Samklang does not store is left out (docs/hsds-profile.md) */
  dropped: {
    fees: 'feltet er forelda i HSDS 3.0; pris står i fees_description og i cost_options, som blir lagra',
    accreditations: 'godkjenningar har ingen plass i den norske profilen enno; skriv dei i skildringa dersom dei er viktige for brukarane',
    licenses: 'lisensar og autorisasjonar har ingen plass i den norske profilen enno; autorisasjon av helsepersonell står i Helsepersonellregisteret',
    taxStatus: 'skattestatus (som amerikansk 501(c)(3)) har inga meining i Noreg',
    taxId: 'ein norsk organisasjon blir identifisert med organisasjonsnummeret i organization_identifiers (NO-BRC)',
    metadata: 'endringshistorikken i Samklang er revisjonsloggen; historikken til ein annan katalog blir ikkje lagra',
    metaTableDescription: 'skildringar av tabellar gjeld katalogen til avsendaren, ikkje tilboda',
  },

  /** what an import reads but does not store: warnings, never problems */
  leftOut: {
    attributeOf: (kind: string) => `eigenskapar (attributes) på ${kind} blir ikkje lagra i Samklang; denne eigenskapen er hoppa over`,
    attributeWithoutEntity: 'eigenskapen (attribute) seier ikkje kva han høyrer til (link_entity manglar); han er hoppa over',
    dataAttribute: (code: string, entities: string[]) => `eigenskapen ${code} skal høyre til ein ${entities.join(' eller ')} i denne fila, men gjer ikkje det; han er hoppa over`,
    ownTerm: (key: string) => `omgrepet ${key} høyrer til den eigne klassifikasjonen til Samklang, som ei fil ikkje kan endre; versjonen i fila er ikkje brukt`,
    table: (table: string, count: number, reason: string) => `${rowCount(count)} i ${table} blir ikkje lagra i Samklang og er hoppa over: ${reason}`,
    knownField: (key: string, count: number, reason: string) => `HSDS-feltet ${key} blir ikkje lagra i Samklang og er hoppa over (${timeCount(count)}): ${reason}`,
    /** a confidential location's fields the export masks: absent means unknown, and the directory's values stay */
    maskedKept: (count: number) =>
      `${count === 1 ? 'ein skjerma stad' : `${count} skjerma stader`} manglar namn, adresse, transport eller koordinatar, slik eksporten frå Samklang skjuler dei; katalogen held fast på verdiane han har`,
    /** a service whose assured_date is past the hidden threshold: imported, but shown nowhere */
    hiddenByAge: (name: string, assured: string, months: number) =>
      `tilbodet «${name}» vart sist stadfesta ${assured}, for over ${months} månader sidan. Det blir importert, men blir ikkje vist i søket eller i opne data før ein redaktør stadfestar at opplysningane stemmer.`,
    unknownField: (key: string, count: number) => `det ukjende feltet ${key} blir ikkje lagra og er hoppa over (${timeCount(count)})`,
  },
  tooManyRows: (rows: number, max: number) =>
    `Fila gir ${formatInteger(rows)} rader (tilbod, stader, adresser, telefonnummer og anna til saman). Ein redaktør kan importere høgst ${formatInteger(max)} rader om gongen her. Del fila i mindre delar, eller be sekretariatet importere heile fila for deg.`,
  refusedByDatabase: (reason: string) => `Databasen tok ikkje imot importen (${reason}). Ingenting er lagra. Rett verdien i fila og last ho opp på nytt, eller ta kontakt med sekretariatet.`,
  noData: 'inneheld ingen tenester, organisasjonar eller stader som Samklang kan lese inn',

  /** a file or address that cannot be read at all (thrown, not a finding) */
  read: {
    notFound: (ref: string) => `Finn ikkje ${ref}. Kontroller at namnet og mappa er skrivne rett.`,
    notAllowed: (ref: string) => `Samklang får ikkje lese ${ref}. Kontroller tilgangen til fila.`,
    failed: (ref: string, reason: string) => `Kunne ikkje lese ${ref} (${reason}).`,
    httpStatus: (ref: string, status: number) => (status === 404
      ? `${ref} finst ikkje (svarte 404). Kontroller adressa.`
      : `${ref} svarte med feilkode ${status}, så fila kunne ikkje hentast. Kontroller at adressa er rett og open utan innlogging.`),
    timeout: (ref: string, seconds: number) => `${ref} svarte ikkje innan ${seconds} sekund. Prøv igjen seinare.`,
    unreachable: (ref: string) => `Fekk ikkje kontakt med ${ref}. Kontroller adressa og nettsambandet.`,
    tooManyPages: (pages: number, max: number) =>
      `adressa svarar med side 1 av ${pages}, og importen følgjer høgst ${max} sider. Hent alt på ein gong (format=ndjson eller /hsds/tabular.json), eller bruk per_page=500.`,
    pageMismatch: (page: number) => `adressa svarte ikkje med side ${page} då importen bad om den sida, så sidene kan ikkje lesast i rekkjefølgje. Ingenting er importert.`,
  },

  /** scripts/import.ts; its --json keys stay English (they are an interface) */
  cli: {
    usage: 'Bruk: npm run import -- <fil|mappe|url> [--dry-run] [--json]',
    unknownArgument: (arg: string) => `ukjent argument ${arg}`,
    heading: (dryRun: boolean, source: string) => `${dryRun ? 'Prøvekøyring av' : 'Import av'} ${source}`,
    ok: 'OK',
    refused: (n: number) => `${n} problem, ingenting er endra`,
    problem: 'problem',
    note: 'merknad',
    added: 'nye',
    changed: 'endra',
    unchanged: 'uendra',
    wouldChange: 'ville endre',
    more: (n: number) => `… og ${n} endra ${n === 1 ? 'rad' : 'rader'} til (--json viser alle)`,
    reindexed: (n: number) => `oppføringar i søket bygde på nytt: ${n}`,
  },
} as const satisfies Catalogue['hsdsImport'];
