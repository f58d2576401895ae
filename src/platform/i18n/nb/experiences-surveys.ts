// Anonymous experience surveys per offer (issue #14): nb.experienceSurveys.

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
/** 'YYYY-MM' as "mars 2026" */
const month = (yearMonth: string) => `${MONTHS[Number(yearMonth.slice(5, 7)) - 1] ?? yearMonth} ${yearMonth.slice(0, 4)}`;

export const experienceSurveys = {
  month,
  /** the questions of each version; a new wording is a new version, never an edit of an old one */
  questions: {
    v1: {
      listened: 'Følte du at du ble lyttet til?',
      decided: 'Fikk du være med på å bestemme hva dere skulle gjøre?',
      helped: 'Hjalp tilbudet deg med det du ønsket?',
      safe: 'Følte du deg trygg?',
      respected: 'Ble du møtt med respekt?',
      access: 'Var det lett å komme inn på tilbudet?',
      informed: 'Fikk du vite det du trengte om tilbudet?',
      recommend: 'Ville du anbefalt tilbudet til andre?',
    },
  },
  scale: { 1: '1 – Nei, ikke i det hele tatt', 2: '2', 3: '3', 4: '4', 5: '5 – Ja, helt', dontKnow: 'Vet ikke' },
  scaleShort: { 1: '1', 2: '2', 3: '3', 4: '4', 5: '5', dontKnow: 'Vet ikke' },
  /** the section on the offer's page (/tilbud/:id), which links here */
  servicePage: { heading: 'Erfaringer fra brukerne', results: 'Se hva brukerne svarer om tilbudet', answer: 'Har du brukt tilbudet? Svar anonymt på åtte spørsmål' },
  freeText: 'Er det noe mer du vil fortelle?',
  freeTextHint: 'Frivillig. Ikke skriv navn, telefonnummer eller andre ting som kan vise hvem du eller andre er. Teksten blir aldri publisert; bare de som driver tilbudet, kan lese den, og først når minst fem har svart.',
  honeypot: 'La dette feltet stå tomt',
  title: (service: string) => `Hvordan var det? Om ${service}`,
  intro: 'Åtte korte spørsmål om hvordan du opplevde tilbudet. Du er anonym: du logger ikke inn, og vi lagrer ikke hvem du er, hvor du svarer fra eller når på dagen du svarte – bare måneden. Du kan hoppe over spørsmål.',
  scaleHint: 'Svar fra 1 (nei, ikke i det hele tatt) til 5 (ja, helt), eller «Vet ikke».',
  submit: 'Send svarene',
  thanksTitle: 'Takk for svarene dine',
  thanksBody: 'Svarene er lagret uten noe som viser hvem du er. Når minst fem har svart, vises en oppsummering på siden om tilbudet.',
  backToService: 'Tilbake til tilbudet',
  errors: {
    empty: 'Svar på minst ett spørsmål, eller skriv noe i tekstfeltet.',
    score: 'Velg et tall fra 1 til 5 eller «Vet ikke».',
    freeText: 'Teksten kan være høyst 2000 tegn.',
    form: 'Noe i skjemaet kunne ikke leses. Prøv igjen.',
    tooMany: 'Det er sendt mange svar fra denne adressen den siste timen. Prøv igjen senere. Svarene dine står fortsatt i skjemaet.',
  },
  results: {
    title: (service: string) => `Erfaringer med ${service}`,
    lead: 'Oppsummering av anonyme svar fra dem som har brukt tilbudet. Resultatene sammenlignes bare med svar på de samme spørsmålene.',
    period: (from: string, to: string, count: number) => `${count} svar fra ${month(from)} til ${month(to)}.`,
    tooFew: 'Det er færre enn fem svar i perioden, så vi viser ingen resultater ennå. Slik kan ingen kjenne igjen enkeltsvar.',
    caption: 'Svar per spørsmål (antall)',
    question: 'Spørsmål',
    average: 'Snitt (1–5)',
    answered: 'Svar',
    none: '–',
    answerLink: 'Svar på spørsmålene om tilbudet',
    demo: 'Eksempel (fiktiv)',
    freeTextHeading: 'Fritekst (bare for dem som driver tilbudet)',
    freeTextIntro: 'Fritekst publiseres aldri. Det som ligner på navn, telefonnumre og e-postadresser, er skjult.',
    freeTextNone: 'Ingen har skrevet fritekst i perioden.',
    masked: '[skjult]',
    poster: 'QR-kode og plakat for venterommet',
    moderation: {
      heading: 'Svar holdt tilbake',
      intro: 'Kom det mange svar på én dag, kan noen ha prøvd å påvirke resultatet. Sekretariatet bestemmer om svarene skal telles med eller forkastes.',
      decision: 'Hva skal skje med svarene?',
      count: 'Telle dem med',
      discard: 'Forkaste dem',
      submit: 'Lagre',
      error: 'Velg om svarene skal telles med eller forkastes.',
      done: (count: number, counted: boolean) => `${count} svar er ${counted ? 'telt med' : 'forkastet'}.`,
    },
    heldAside: (count: number) => `${count} svar er holdt tilbake fordi det kom uvanlig mange på én dag. De telles ikke med før de er gjennomgått.`,
  },
  poster: {
    title: (service: string) => `Plakat og QR-kode: ${service}`,
    intro: 'Heng opp plakaten der brukerne ser den, for eksempel på venterommet. QR-koden og lenken går til spørsmålene om dette tilbudet.',
    qrAlt: (url: string) => `QR-kode til ${url}`,
    link: 'Lenke til spørsmålene',
    download: 'Last ned plakat (PDF, A4)',
    pdfTitle: 'Hvordan var det for deg?',
    pdfLead: (service: string) => `Fortell oss hvordan du opplevde ${service}.`,
    pdfBody: 'Åtte korte spørsmål. Du er anonym: du logger ikke inn, og vi lagrer ikke hvem du er. Skann koden med mobilen, eller skriv inn lenken.',
    pdfFooter: 'Samklang – musikkterapi i rus og psykisk helse',
  },
  csv: {
    columns: ['helseregion', 'tjenesteniva', 'sporsmalsversjon', 'sporsmal', 'fra_maned', 'til_maned', 'antall_svar', 'snitt'],
    unknownRegion: 'ukjent',
    unknownLevel: 'ukjent',
  },
} as const;
