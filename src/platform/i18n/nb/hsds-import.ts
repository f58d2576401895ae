/**
 * Norwegian bokmål text of an import's findings, its read errors and the import command. A finding
 * is read by a secretariat worker, not a developer: it says what is wrong and what to do. HSDS
 * table and field names stay as they are (service.name, location.latitude): they are what the file
 * itself says, so the person can find them there. Read as nb.hsdsImport.
 */

const rowCount = (n: number) => (n === 1 ? '1 rad' : `${n} rader`);
const timeCount = (n: number) => (n === 1 ? '1 gang' : `${n} ganger`);
const NOT_FOUND = 'verken finnes i filen eller i katalogen';

export const hsdsImport = {
  /** where in the file a finding is; JSON paths after it stay paths */
  where: {
    document: '(dokumentet)',
    line: (n: number) => `linje ${n}`,
    fileLine: (file: string, n: number) => `${file} linje ${n}`,
    page: (n: number) => `side ${n}`,
  },

  /** what a value must be, written after the field's name: "latitude må være …" */
  hint: {
    uuid: 'må være en UUID, for eksempel 3f7b145d-84af-42d7-8fae-eaca714b02b2',
    text: (max: number) => `må være tekst på høyst ${max.toLocaleString('nb-NO')} tegn`,
    date: 'må være en dato skrevet ÅÅÅÅ-MM-DD, for eksempel 2026-03-15',
    time: 'må være et klokkeslett skrevet TT:MM eller TT:MM:SS, for eksempel 09:30',
    dateTime: 'må være dato og klokkeslett med tidssone, for eksempel 2026-03-15T10:30:00Z',
    email: 'må være en e-postadresse, for eksempel post@example.no',
    uri: 'må være en fullstendig nettadresse, for eksempel https://example.no',
    webUrl: 'må være en nettadresse som begynner med https:// eller http://, for eksempel https://example.no (andre typer lenker, som javascript: eller data:, tas ikke imot)',
    wholeNumber: (min: number, max: number) => `må være et heltall fra ${min} til ${max}`,
    number: (min: number, max: number) => `må være et tall mellom ${min} og ${max}`,
    oneOf: (values: string[]) => `må være én av disse: ${values.join(', ')}`,
    flag: 'må være true eller false',
    municipalityNumber: 'må være et kommunenummer på fire sifre, for eksempel 0301',
    countryCode: 'må være en landkode på to store bokstaver, for eksempel NO',
  },

  /** a row's own values */
  row: {
    noId: (table: string) => `${table} mangler id. Hver rad må ha en id (en UUID).`,
    repeated: (table: string, id: string, first: string, field: string, value: string, before: string) =>
      `${table} ${id} står flere steder i filen (først: ${first}) med ulik ${field}: «${value}» her og «${before}» der. Gi ${field} samme verdi alle steder.`,
    required: (field: string) => `${field} mangler og må fylles ut`,
    invalid: (field: string, hint: string, shown: string) => `${field} ${hint} (var ${shown})`,
    unfit: 'har en verdi som ikke passer',
    nul: (field: string) => `${field} inneholder et NUL-tegn (\\u0000), som ikke kan lagres. Fjern det fra teksten.`,
    ageOrder: (min: number, max: number) => `minimum_age (${min}) er høyere enn maximum_age (${max}). Rett den ene, eller bytt dem om.`,
  },

  /** the shape of HSDS JSON */
  json: {
    invalid: 'er ikke gyldig JSON. Sjekk at linjen er ett helt JSON-objekt.',
    notAnObject: 'her må det stå et HSDS-objekt i krøllparenteser { … }, ikke en enkeltverdi',
    apiInfo: 'dette er API-ets informasjonsdokument (version, profile, openapi_url), ikke katalogdata. Les inn tjenestene i stedet, for eksempel fra /services.',
    unknownObject: 'importen kjenner ikke igjen dette objektet. Den leser service, organization, location, service_at_location, taxonomy og taxonomy_term.',
    mustBeObject: (field: string) => `${field} må være ett objekt { … }, ikke en liste eller en enkeltverdi`,
    eachMustBeObject: (field: string) => `hvert element i ${field} må være et objekt { … }`,
    mustBeList: (field: string) => `${field} må være en liste [ … ]`,
    mustBeSingleValue: (field: string) => `${field} må være én verdi (tekst, tall, true eller false), ikke en liste eller et objekt`,
    tooDeep: (max: number) => `objektene er nestet dypere enn ${max} nivåer, og slik nesting finnes ikke i HSDS. Sjekk at filen er et HSDS-dokument.`,
    nestedIdDiffers: (column: string, value: string, field: string, childId: string) =>
      `${column} er ${value}, men ${field} inni har id ${childId}. De to må være like.`,
  },

  /** HSDS tabular files and datapackage.json */
  tabular: {
    datapackageInvalid: 'datapackage.json er ikke gyldig JSON',
    noResources: 'datapackage.json viser ikke til noen filer (listen resources er tom)',
    outsidePackage: (path: string) => `filen ${path} i resources må ligge i mappen til datapackage.json eller under den (ikke .. eller / først)`,
    ragged: (cells: number, header: number) => `raden har ${cells} ${cells === 1 ? 'celle' : 'celler'}, men overskriftsraden har ${header}. Sjekk skilletegn og anførselstegn i raden.`,
    notCsv: 'teksten kan ikke leses som CSV herfra (for eksempel et anførselstegn som aldri lukkes); radene etter er ikke lest',
    unknownFile: 'filnavnet er ikke et HSDS-tabellnavn (for eksempel services.csv eller locations.csv), så filen er utelatt',
  },

  /** a zip of an HSDS tabular package */
  zip: {
    invalid: (zip: string) => `${zip} kan ikke pakkes ut som zip-fil. Lag zip-filen på nytt og prøv igjen.`,
    empty: (zip: string) => `${zip} inneholder ingen filer.`,
    tooManyEntries: (zip: string, max: number) => `${zip} har flere enn ${max} filer. En HSDS-pakke har rundt 22; pakk bare den.`,
    tooLarge: (zip: string, megabytes: number) => `${zip} blir større enn ${megabytes} MB når den pakkes ut. Større pakker importeres fra kommandolinjen.`,
    unsafeName: (zip: string, entry: string) => `${zip} inneholder «${entry}», et navn som peker ut av pakken (.. eller / først). Zip-filen er ikke brukt.`,
    notUtf8: (zip: string, entry: string) => `${entry} i ${zip} er ikke lagret som UTF-8. Lagre den som «CSV UTF-8» og pakk på nytt.`,
  },

  /** Samklang's CSV template (one service a row, Norwegian columns) */
  template: {
    status: (value: string) => `status «${value}» må være aktiv, midlertidig stengt, inaktiv eller nedlagt`,
    organisationNumber: (value: string) => `organisasjonsnummer «${value}» må være ni sifre`,
    unknownCode: (column: string, code: string, facet: string) => `${column} «${code}» er ikke en kode i ${facet}. Gyldige koder står på siden Åpne data.`,
    needsPlace: (column: string) => `${column} sier noe om stedet, så raden må ha adresse, kommunenummer eller breddegrad og lengdegrad`,
    postalCode: (value: string) => `postnummer «${value}» er ikke et norsk postnummer`,
  },

  /** links between rows, and what the directory already holds */
  references: {
    parentCycle: (chain: string[]) =>
      `organization ${chain[0]} ville blitt sin egen overordnede organisasjon (${chain.join(' → ')}). Rett parent_organization_id i en av dem.`,
    missing: (column: string, value: string, target: string) =>
      `${column} ${value} peker på en ${target} som ${NOT_FOUND}. Ta med denne ${target} i filen, eller rett ${column}.`,
    missingLink: (column: string, value: string, target: string) => `${column} ${value} peker på en ${target} som ${NOT_FOUND}; koblingen er utelatt`,
    attributeOnNothing: (entity: string, id: string) => `egenskapen gjelder ${entity} ${id}, som ${NOT_FOUND}; den er utelatt`,
    municipality: (number: string) =>
      `kommunenummer ${number} finnes ikke i kommuneinndelingen fra 2024. Rett nummeret, eller la det stå tomt hvis stedet har norsk postnummer.`,
    duplicateInFile: (table: string, other: string, columns: string[]) =>
      `en annen ${table} i filen (${other}) har samme ${columns.join(', ')}. Hver slik kombinasjon kan bare brukes én gang.`,
    duplicateInDirectory: (table: string, id: string, columns: string[]) =>
      `${table} ${id} i katalogen har allerede samme ${columns.join(', ')}. Bruk id ${id} i filen for å endre den, eller rett verdiene.`,
  },

  /** why each HSDS field or table Samklang does not store is left out (docs/hsds-profile.md) */
  dropped: {
    fees: 'feltet er foreldet i HSDS 3.0; pris står i fees_description og i cost_options, som lagres',
    accreditations: 'godkjenninger har ingen plass i den norske profilen ennå; skriv dem i beskrivelsen hvis de er viktige for brukerne',
    licenses: 'lisenser og autorisasjoner har ingen plass i den norske profilen ennå; autorisasjon av helsepersonell står i Helsepersonellregisteret',
    taxStatus: 'skattestatus (som amerikansk 501(c)(3)) har ingen norsk mening',
    taxId: 'en norsk organisasjon identifiseres med organisasjonsnummeret i organization_identifiers (NO-BRC)',
    metadata: 'endringshistorikken i Samklang er revisjonsloggen; en annen katalogs historikk lagres ikke',
    metaTableDescription: 'beskrivelser av tabeller gjelder avsenderens katalog, ikke tilbudene',
  },

  /** what an import reads but does not store: warnings, never problems */
  leftOut: {
    attributeOf: (kind: string) => `egenskaper (attributes) på ${kind} lagres ikke i Samklang; denne er utelatt`,
    attributeWithoutEntity: 'egenskapen (attribute) sier ikke hva den hører til (link_entity mangler); den er utelatt',
    dataAttribute: (code: string, entities: string[]) => `egenskapen ${code} skal høre til en ${entities.join(' eller ')} i denne filen, men gjør ikke det; den er utelatt`,
    ownTerm: (key: string) => `begrepet ${key} hører til Samklangs egen klassifisering, som en fil ikke kan endre; filens versjon er ikke brukt`,
    table: (table: string, count: number, reason: string) => `${rowCount(count)} i ${table} lagres ikke i Samklang og er utelatt: ${reason}`,
    knownField: (key: string, count: number, reason: string) => `HSDS-feltet ${key} lagres ikke i Samklang og er utelatt (${timeCount(count)}): ${reason}`,
    /** a confidential location's fields the export masks: absent means unknown, and the directory's values stay */
    maskedKept: (count: number) =>
      `${count === 1 ? 'ett skjermet sted' : `${count} skjermede steder`} mangler navn, adresse, transport eller koordinater, slik Samklangs eksport skjuler dem; katalogens verdier er beholdt`,
    /** a service whose assured_date is past the hidden threshold: imported, but shown nowhere */
    hiddenByAge: (name: string, assured: string, months: number) =>
      `tilbudet «${name}» ble sist bekreftet ${assured}, for over ${months} måneder siden. Det blir importert, men vises ikke i søket eller i åpne data før en redaktør bekrefter at opplysningene stemmer.`,
    unknownField: (key: string, count: number) => `det ukjente feltet ${key} lagres ikke og er utelatt (${timeCount(count)})`,
  },
  tooManyRows: (rows: number, max: number) =>
    `Filen gir ${rows.toLocaleString('nb-NO')} rader (tilbud, steder, adresser, telefoner og annet til sammen). En redaktør kan importere høyst ${max.toLocaleString('nb-NO')} rader om gangen her. Del filen i mindre deler, eller be sekretariatet importere hele filen for deg.`,
  refusedByDatabase: (reason: string) => `Databasen tok ikke imot importen (${reason}). Ingenting er lagret. Rett verdien i filen og last den opp på nytt, eller kontakt sekretariatet.`,
  noData: 'inneholder ingen tjenester, organisasjoner eller steder som Samklang kan lese inn',

  /** a file or address that cannot be read at all (thrown, not a finding) */
  read: {
    notFound: (ref: string) => `Finner ikke ${ref}. Sjekk at navnet og mappen er skrevet riktig.`,
    notAllowed: (ref: string) => `Samklang får ikke lese ${ref}. Sjekk tilgangen til filen.`,
    failed: (ref: string, reason: string) => `Kunne ikke lese ${ref} (${reason}).`,
    httpStatus: (ref: string, status: number) => (status === 404
      ? `${ref} finnes ikke (svarte 404). Sjekk adressen.`
      : `${ref} svarte med feilkode ${status}, så filen kunne ikke hentes. Sjekk at adressen er riktig og åpen uten innlogging.`),
    timeout: (ref: string, seconds: number) => `${ref} svarte ikke innen ${seconds} sekunder. Prøv igjen senere.`,
    unreachable: (ref: string) => `Fikk ikke kontakt med ${ref}. Sjekk adressen og nettforbindelsen.`,
    tooManyPages: (pages: number, max: number) =>
      `adressen svarer med side 1 av ${pages}, og importen følger høyst ${max} sider. Hent alt på én gang (format=ndjson eller /hsds/tabular.json), eller bruk per_page=500.`,
    pageMismatch: (page: number) => `adressen svarte ikke med side ${page} da den ble spurt om den, så sidene kan ikke leses i rekkefølge. Ingenting er importert.`,
  },

  /** scripts/import.ts; its --json keys stay English (they are an interface) */
  cli: {
    usage: 'Bruk: npm run import -- <fil|mappe|url> [--dry-run] [--json]',
    unknownArgument: (arg: string) => `ukjent argument ${arg}`,
    heading: (dryRun: boolean, source: string) => `${dryRun ? 'Prøvekjøring av' : 'Import av'} ${source}`,
    ok: 'OK',
    refused: (n: number) => `${n} ${n === 1 ? 'problem' : 'problemer'}, ingenting er endret`,
    problem: 'problem',
    note: 'merknad',
    added: 'nye',
    changed: 'endret',
    unchanged: 'uendret',
    wouldChange: 'ville endret',
    more: (n: number) => `… og ${n} ${n === 1 ? 'endret rad' : 'endrede rader'} til (--json viser alle)`,
    reindexed: (n: number) => `oppføringer i søket bygget på nytt: ${n}`,
  },
} as const;
