/**
 * The classification's labels: each facet by its id and each term by its key (facet:code, e.g.
 * `arena:spesialist:dps`), as src/directory/taxonomy.ts structures them, and the offer languages by
 * ISO 639-1 code. The bokmål here is also the taxonomy's canonical name: what HSDS and FHIR export
 * and the CSV shows, whatever the page language. Add a term here and in taxonomy.ts together
 * (a term without a label stops the app at start).
 */
export const taxonomy = {
  facets: {
    niva: { name: 'Tjenestenivå', description: 'Hvor i forløpet tilbudet ligger' },
    felt: { name: 'Fagfelt', description: 'Rus, psykisk helse eller begge' },
    arena: { name: 'Tjenestested', description: 'Hvem som driver tilbudet' },
    malgruppe: { name: 'Målgruppe', description: 'Hvem tilbudet er for' },
    tilgang: { name: 'Slik får du tilbudet', description: 'Om du kan ta kontakt selv eller trenger henvisning' },
    henviser: { name: 'Hvem kan henvise', description: 'Hvem som kan sende henvisning' },
    format: { name: 'Form', description: 'Hvordan musikkterapien gis' },
    kostnad: { name: 'Kostnad', description: 'Hva det koster deg' },
    tilgjengelighet: { name: 'Fysisk tilgjengelighet', description: 'Hvordan lokalet er tilrettelagt' },
  },
  terms: {
    'niva:lavterskel': { name: 'Lavterskeltilbud', description: 'Uten henvisning, ofte drop-in' },
    'niva:oppfolging': { name: 'Oppfølging', description: 'Oppfølging i kommunen etter eller ved siden av behandling' },
    'niva:behandling': { name: 'Behandling', description: 'Behandling, som regel i spesialisthelsetjenesten' },
    'felt:rus': { name: 'Rus', description: 'Rusproblemer og avhengighet' },
    'felt:psykisk-helse': { name: 'Psykisk helse', description: 'Psykiske helseplager og lidelser' },
    'arena:kommune': { name: 'Kommune', description: 'Kommunal helse- og omsorgstjeneste' },
    'arena:spesialist': { name: 'Spesialisthelsetjeneste', description: 'Helseforetak og avtaleinstitusjoner' },
    'arena:spesialist:tsb': { name: 'TSB', description: 'Tverrfaglig spesialisert rusbehandling' },
    'arena:spesialist:phv': { name: 'Psykisk helsevern', description: 'Psykisk helsevern, døgn og poliklinikk' },
    'arena:spesialist:dps': { name: 'DPS', description: 'Distriktspsykiatrisk senter' },
    'arena:kriminalomsorg': { name: 'Kriminalomsorg', description: 'Fengsel og friomsorg' },
    'arena:ideell': { name: 'Ideell eller frivillig', description: 'Ideelle organisasjoner, stiftelser og frivillige lag' },
    'arena:privat': { name: 'Privat', description: 'Private aktører' },
    'malgruppe:barn-unge': { name: 'Barn og unge', description: 'Under 18 år' },
    'malgruppe:unge-voksne': { name: 'Unge voksne', description: 'Omtrent 16–25 år' },
    'malgruppe:voksne': { name: 'Voksne', description: 'Voksne' },
    'malgruppe:eldre': { name: 'Eldre', description: 'Eldre' },
    'tilgang:egenhenvisning': { name: 'Ta kontakt selv', description: 'Egenhenvisning eller drop-in, ingen henvisning trengs' },
    'tilgang:henvisning': { name: 'Henvisning trengs', description: 'Noen må henvise deg' },
    'henviser:fastlege': { name: 'Fastlege', description: 'Fastlege eller annen lege' },
    'henviser:nav': { name: 'Nav', description: 'Nav-kontoret' },
    'henviser:kommunen': { name: 'Kommunale tjenester', description: 'Kommunens rus- og psykiske helsetjeneste' },
    'henviser:spesialisthelsetjenesten': { name: 'Spesialisthelsetjenesten', description: 'Behandler i spesialisthelsetjenesten' },
    'henviser:kriminalomsorgen': { name: 'Kriminalomsorgen', description: 'Fengsel eller friomsorgskontor' },
    'format:individuell': { name: 'Individuelt', description: 'En til en med musikkterapeut' },
    'format:gruppe': { name: 'Gruppe', description: 'Sammen med andre, for eksempel band eller kor' },
    'format:digital': { name: 'Digitalt', description: 'Over video; tilgjengelig uansett hvor du bor' },
    'kostnad:gratis': { name: 'Gratis', description: 'Ingen betaling' },
    'kostnad:egenandel': { name: 'Egenandel', description: 'Vanlig egenandel' },
    'kostnad:annet': { name: 'Annen betaling', description: 'Se beskrivelsen' },
    'tilgjengelighet:trinnfri': { name: 'Trinnfri adkomst', description: 'Inngang og lokaler uten trinn, eller med rampe eller heis' },
    'tilgjengelighet:hc-toalett': { name: 'Tilrettelagt toalett', description: 'Toalett tilpasset rullestol' },
    'tilgjengelighet:teleslynge': { name: 'Teleslynge', description: 'Teleslynge i rommet' },
  },
  /** the languages an offer can be given in (HSDS language), by ISO 639-1 code */
  languages: { nb: 'Norsk', en: 'Engelsk', se: 'Nordsamisk', pl: 'Polsk', ar: 'Arabisk', so: 'Somali', uk: 'Ukrainsk', fa: 'Persisk' },
};
