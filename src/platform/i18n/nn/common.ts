import type { Catalogue } from '../catalogue.ts';

/** Nynorsk text shared by every page: the site frame, error pages and the about page. */
export const site = {
  name: 'Samklang',
  tagline: 'Musikkterapi i rus og psykisk helse',
  description: 'Samklang viser kvar du finn musikkterapi i rus- og psykiske helsetenester i Noreg, kvar tilbodet manglar, og korleis eit nytt tilbod kan opprettast.',
  skipLink: 'Hopp til hovudinnhaldet',
  nav: { label: 'Hovudmeny', menu: 'Meny', finder: 'Finn musikkterapi', about: 'Om Samklang' },
  language: {
    label: 'Språk',
    /** said on a page whose long text exists only in bokmål (e.g. a handbook section in the English frame) */
    onlyBokmal: 'Denne teksten finst berre på bokmål.',
  },
  demoBanner:
    'Demodata: alle tilbod og organisasjonar du ser her, er dikta opp for å vise korleis tenesta verkar. Dei finst ikkje, og kontaktopplysningane går ingen stad.',
  footer: {
    attributionHeading: 'Datakjelder',
    kartverket: 'Kommune- og fylkesgrenser: © Kartverket (CC BY 4.0)',
    ssb: 'Folketal: Statistisk sentralbyrå (SSB), tabell 07459 (NLOD)',
    bring: 'Postnummer: Bring (Posten Norge AS), postnummerregisteret',
    ssbGrid: 'Befolkningssentrum i kommunane: Statistisk sentralbyrå (SSB), Befolkning på rutenett 250 m (2022, 2019) (NLOD)',
    /** the licence (CC BY 3.0) asks for the attribution as a link to the source */
    bolstad: { text: 'Postnummerkoordinatar: Erik Bolstad', href: 'https://www.erikbolstad.no/postnummer/', licence: '(CC BY 3.0)' },
    noPatientData: 'Samklang inneheld opplysningar om tilbod, aldri om pasientar.',
  },
} as const satisfies Catalogue['site'];

export const errors = {
  summaryHeading: 'Noko må rettast før vi kan søkje',
  titlePrefix: (title: string) => `Feil: ${title}`,
  invalidValue: 'Ugyldig verdi',
  age: 'Alderen må vere eit heilt tal frå 0 til 120.',
  radius: 'Vel ein av avstandane i lista.',
  page: 'Sidetalet må vere eit heilt tal frå 1.',
  filter: 'Eitt av filtera har ein verdi vi ikkje kjenner. Vel på nytt i lista.',
  text: 'Søkjeordet kan ha høgst 200 teikn.',
  badRequestTitle: 'Noko i førespurnaden kan vi ikkje bruke',
  unusableValue: 'Adressa eller skjemaet har ein verdi vi ikkje kan bruke: eit teikn som ikkje høyrer heime i tekst (nullteikn), eit uendeleg stort tal eller data nøsta for djupt. Gå tilbake, rett verdien og prøv igjen.',
  notFoundTitle: 'Fann ikkje sida',
  notFound: 'Sida eller tilbodet finst ikkje, eller er ikkje lenger publisert.',
  serverTitle: 'Noko gjekk gale hos oss',
  server: 'Vi klarte ikkje å vise sida. Prøv igjen om litt. Det du skreiv, ligg framleis i adressefeltet.',
  rateLimited: 'Du har sendt mange førespurnader på kort tid. Vent litt og prøv igjen.',
  busyTitle: 'Mange bruker Samklang akkurat no',
  busy: 'Vi rakk ikkje å ta imot førespurnaden din fordi mange bruker tenesta samstundes. Prøv igjen om nokre sekund. Det du skreiv, ligg framleis i adressefeltet.',
  backToFinder: 'Til søket',
} as const satisfies Catalogue['errors'];

export const about = {
  title: 'Om Samklang',
  paragraphs: [
    'Samklang skal gjere musikkterapi til eit reelt og tilgjengeleg tilbod for alle som bruker rus- og psykiske helsetenester i Noreg. Tenesta samlar oversikt over tilboda, viser kvar i landet dei finst og manglar, og hjelper arbeidsgivarar som vil opprette ei stilling.',
    'Samklang blir laga for Nasjonalt nettverk for musikkterapi – rus og psykisk helse. Tilboda blir registrerte og haldne oppdaterte av dei som driv dei.',
  ],
  sourcesHeading: 'Kunnskapsgrunnlag',
  noSources: 'Ingen kjelder er førte opp.',
  dataHeading: 'Om dataa',
  data: [
    'Avstandar er rekna i luftline. Frå eit postnummer måler vi frå postnummeret sitt eige punkt (Erik Bolstads postnummerkoordinatar). Frå ein kommune måler vi frå befolkningssentrumet i kommunen: den ruta på 250 × 250 meter der folk bur som ligg nærmast alle innbyggjarane samla (SSBs befolkning på rutenett). Med fjordar og fjell kan reisevegen vere mykje lengre enn luftlina.',
    'Eit postnummer kan dekkje fleire kommunar. Vi bruker kommunen Bring oppgir som hovudkommune for postnummeret.',
    'Så lenge tenesta er under utvikling, er tilboda du ser, demodata: oppdikta tilbod merkte «fiktiv».',
  ],
} as const satisfies Catalogue['about'];
