/** Norwegian bokmål text shared by every page: the site frame, error pages and the about page. */
export const site = {
  name: 'Samklang',
  tagline: 'Musikkterapi i rus og psykisk helse',
  description: 'Samklang viser hvor du finner musikkterapi i rus- og psykiske helsetjenester i Norge, hvor tilbudet mangler, og hvordan et nytt tilbud kan opprettes.',
  skipLink: 'Hopp til hovedinnhold',
  nav: { label: 'Hovedmeny', menu: 'Meny', finder: 'Finn musikkterapi', about: 'Om Samklang' },
  language: {
    label: 'Språk',
    /** said on a page whose long text exists only in bokmål (e.g. a handbook section in the English frame) */
    onlyBokmal: 'Denne teksten finnes bare på bokmål.',
  },
  demoBanner:
    'Demodata: alle tilbud og organisasjoner du ser her er oppdiktet for å vise hvordan tjenesten virker. De finnes ikke, og kontaktopplysningene går ingen steder.',
  footer: {
    attributionHeading: 'Datakilder',
    kartverket: 'Kommune- og fylkesgrenser: © Kartverket (CC BY 4.0)',
    ssb: 'Folketall: Statistisk sentralbyrå (SSB), tabell 07459 (NLOD)',
    bring: 'Postnummer: Bring (Posten Norge AS), postnummerregisteret',
    ssbGrid: 'Befolkningssentrum i kommunene: Statistisk sentralbyrå (SSB), Befolkning på rutenett 250 m (2022, 2019) (NLOD)',
    /** the licence (CC BY 3.0) asks for the attribution as a link to the source */
    bolstad: { text: 'Postnummerkoordinatar: Erik Bolstad', href: 'https://www.erikbolstad.no/postnummer/', licence: '(CC BY 3.0)' },
    noPatientData: 'Samklang inneholder opplysninger om tilbud, aldri om pasienter.',
  },
} as const;

export const errors = {
  summaryHeading: 'Noe må rettes før vi kan søke',
  titlePrefix: (title: string) => `Feil: ${title}`,
  invalidValue: 'Ugyldig verdi',
  age: 'Alder må være et helt tall fra 0 til 120.',
  radius: 'Velg en av avstandene i listen.',
  page: 'Sidetallet må være et helt tall fra 1.',
  filter: 'Et av filtrene har en verdi vi ikke kjenner. Velg på nytt i listen.',
  text: 'Søkeordet kan ha høyst 200 tegn.',
  badRequestTitle: 'Noe i forespørselen kan vi ikke bruke',
  unusableValue: 'Adressen eller skjemaet har en verdi vi ikke kan bruke: et tegn som ikke hører hjemme i tekst (nulltegn), et uendelig stort tall eller data nøstet for dypt. Gå tilbake, rett verdien og prøv igjen.',
  notFoundTitle: 'Fant ikke siden',
  notFound: 'Siden eller tilbudet finnes ikke, eller er ikke lenger publisert.',
  serverTitle: 'Noe gikk galt hos oss',
  server: 'Vi klarte ikke å vise siden. Prøv igjen om litt. Det du skrev, ligger fortsatt i adressefeltet.',
  rateLimited: 'Du har sendt mange forespørsler på kort tid. Vent litt og prøv igjen.',
  busyTitle: 'Mange bruker Samklang akkurat nå',
  busy: 'Vi rakk ikke å ta imot forespørselen din fordi mange bruker tjenesten samtidig. Prøv igjen om noen sekunder. Det du skrev, ligger fortsatt i adressefeltet.',
  backToFinder: 'Til søket',
} as const;

export const about = {
  title: 'Om Samklang',
  paragraphs: [
    'Samklang skal gjøre musikkterapi til et reelt og tilgjengelig tilbud for alle som bruker rus- og psykiske helsetjenester i Norge. Tjenesten samler oversikt over tilbudene, viser hvor i landet de finnes og mangler, og hjelper arbeidsgivere som vil opprette en stilling.',
    'Samklang lages for Nasjonalt nettverk for musikkterapi – rus og psykisk helse. Tilbudene registreres og holdes oppdatert av dem som driver dem.',
  ],
  sourcesHeading: 'Kunnskapsgrunnlag',
  noSources: 'Ingen kilder er oppført.',
  dataHeading: 'Om dataene',
  data: [
    'Avstander er regnet i luftlinje. Fra et postnummer måler vi fra postnummerets eget punkt (Erik Bolstads postnummerkoordinatar). Fra en kommune måler vi fra kommunens befolkningssentrum: den ruten på 250 × 250 meter der folk bor som ligger nærmest alle innbyggerne samlet (SSBs befolkning på rutenett). Med fjorder og fjell kan reiseveien være mye lengre enn luftlinjen.',
    'Et postnummer kan dekke flere kommuner. Vi bruker kommunen Bring oppgir som hovedkommune for postnummeret.',
    'Så lenge tjenesten er under utvikling, er tilbudene du ser demodata: oppdiktede tilbud merket «fiktiv».',
  ],
} as const;
