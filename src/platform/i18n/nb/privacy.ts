// The privacy page (/personvern) in Norwegian bokmål: nb.accounts.privacy. One entry per kind of
// personal data Samklang keeps (every table is classified in test/accounts/privacy-page.db.test.ts); when a table with personal
// data is added, it gets an entry here, in the data download and in account deletion.

/** The legal bases used, GDPR article 6(1) (personvernforordningen artikkel 6 nr. 1). */
const basis = {
  contract: 'Personvernforordningen artikkel 6 nr. 1 bokstav b: nødvendig for å gi deg den tjenesten du har bedt om.',
  interest: (whose: string) => `Personvernforordningen artikkel 6 nr. 1 bokstav f: berettiget interesse – ${whose}.`,
};
const directoryInterest = basis.interest('nettverkets og allmennhetens interesse i en riktig, oppdatert og sporbar oversikt over musikkterapitilbud');

export interface DataKind {
  id: string;
  title: string;
  what: string;
  why: string;
  basis: string;
  retention: string;
  who: string;
}

export const privacyNotice = {
  title: 'Personvern',
  intro: [
    'Her står hvilke personopplysninger Samklang lagrer, hvorfor, på hvilket rettslig grunnlag, hvor lenge og hvem som kan se dem.',
    'Samklang er en oversikt over musikkterapitilbud og organisasjonene som driver dem. Vi lagrer aldri opplysninger om pasienter eller om dem som bruker tilbudene.',
    'Leser du sidene uten å logge inn, lagrer vi ikke noe om deg utover det som står under «Informasjonskapsler» og «Beskyttelse mot misbruk».',
  ],
  controllerHeading: 'Behandlingsansvarlig',
  controllerIntro: 'Den som driver dette nettstedet, er behandlingsansvarlig for personopplysningene:',
  controller: {
    name: 'Navn',
    orgnr: 'Organisasjonsnummer',
    address: 'Postadresse',
    email: 'E-post for spørsmål om personvern',
    dpo: 'Personvernombud',
  },
  notSet: 'ikke satt',
  notSetNote: 'Der det står «ikke satt», har den som driver nettstedet ikke lagt inn opplysningen ennå. I demoversjonen er ingen av dem satt.',
  kindsHeading: 'Hva vi lagrer, og hvorfor',
  labels: { what: 'Hva', why: 'Hvorfor', basis: 'Rettslig grunnlag', retention: 'Hvor lenge', who: 'Hvem ser det' },
  kinds: (settings: { sessionDays: number; idleHours: number }): DataKind[] => [
    {
      id: 'konto',
      title: 'Kontoen din',
      what: 'Navnet ditt (hvis du oppgir det), e-postadressen, passordet lagret som en argon2id-hash som ikke kan gjøres om til passordet, om e-postadressen er bekreftet, når kontoen ble opprettet og når du sist logget inn. Logger du inn med enkel pålogging (OpenID Connect), lagrer vi også hvilken tjeneste du kom fra og identifikatoren den gir deg.',
      why: 'For å logge deg inn, sende deg lenker og varsler, og for at moderatorene kan nå deg om tilbud du har ansvar for.',
      basis: basis.contract,
      retention: 'Til du sletter kontoen.',
      who: 'Du. Moderatorene (sekretariatet i nettverket) ser navn og e-post til redaktører og til dem som ber om å bli redaktør. Publikum ser det aldri.',
    },
    {
      id: 'okter',
      title: 'Innlogginger (økter)',
      what: 'En hash av nøkkelen i innloggingskapselen, når økten startet, sist ble brukt og utløper, og en kort beskrivelse av nettleseren (for eksempel «Firefox på Linux», aldri hele nettleserstrengen).',
      why: 'For å holde deg innlogget, og for at du selv skal kunne se hvor du er logget inn og logge ut de andre stedene.',
      basis: basis.contract,
      retention: `Høyst ${settings.sessionDays} dager, og økten slutter etter ${settings.idleHours} timer uten bruk. Logger du ut, slettes økten med en gang; utløpte økter slettes hver natt.`,
      who: 'Ingen andre enn deg.',
    },
    {
      id: 'lenker',
      title: 'Engangslenker',
      what: 'En hash av lenkene vi sender for å bekrefte e-postadressen eller velge nytt passord, og når de ble laget, utløper og ble brukt.',
      why: 'For å kunne sjekke at en lenke er ekte, fortsatt gyldig og bare brukes én gang.',
      basis: basis.contract,
      retention: 'En bekreftelseslenke virker i 24 timer, en lenke for nytt passord i én time. De slettes sju dager etter at de har utløpt.',
      who: 'Ingen, heller ikke moderatorene.',
    },
    {
      id: 'misbruk',
      title: 'Beskyttelse mot misbruk',
      what: 'IP-adressen ved innlogging, registrering, bestilling av nytt passord og meldinger om feil, og en hash av e-postadressen noen prøvde å logge inn med, sammen med tidspunktet.',
      why: 'For å begrense antall forsøk, slik at ingen kan gjette passord eller bruke skjemaene til å sende søppelpost.',
      basis: basis.interest('vår og brukernes interesse i at kontoene og nettstedet er trygge'),
      retention: 'Høyst to døgn: hver natt slettes det som er eldre enn ett døgn.',
      who: 'Ingen; bare nettstedet selv bruker dem.',
    },
    {
      id: 'epost',
      title: 'E-post vi sender',
      what: 'Mottakeradresse, emne og innhold i e-post fra Samklang: bekreftelse av adressen, nytt passord, invitasjoner til etableringsplaner og påminnelser om å bekrefte tilbud.',
      why: 'For å sende e-posten, prøve igjen hvis sendingen feiler, og kunne se hva som er sendt.',
      basis: `${basis.contract} For invitasjoner og påminnelser: ${basis.interest('interessen i å kunne samarbeide om planer og holde oversikten oppdatert')}`,
      retention: '90 dager. Sletter du kontoen, slettes e-post til deg med en gang.',
      who: 'Moderatorene kan lese e-post som er sendt eller venter, fordi lenkene der trengs når nettstedet ikke har en e-posttjener.',
    },
    {
      id: 'roller',
      title: 'Redaktørroller og forespørsler om å bli redaktør',
      what: 'Hvilke organisasjoner du er redaktør for, og forespørslene dine om å bli redaktør: organisasjonen, det du skrev, svaret, begrunnelsen og hvem som svarte.',
      why: 'For å vite hvem som kan endre hvilke tilbud.',
      basis: directoryInterest,
      retention: 'Til rollen blir tatt fra deg eller du sletter kontoen.',
      who: 'Moderatorene.',
    },
    {
      id: 'endringer',
      title: 'Endringer i tilbud og endringsloggen',
      what: 'Endringsforslag du lager (innholdet, når det ble sendt, svaret og begrunnelsen), og endringsloggen: hver endring i et tilbud med tidspunkt, gammel og ny verdi og hvilken konto som gjorde den.',
      why: 'For at moderatorene kan godkjenne endringer, og for at det alltid går an å se hvor en opplysning kommer fra.',
      basis: directoryInterest,
      retention: 'Endringsloggen kan ikke endres og beholdes så lenge tilbudet finnes i Samklang. Sletter du kontoen, står det et pseudonym («Slettet bruker» og en kode) i stedet for deg. Endringsforslag blir værende hos organisasjonen, uten kobling til deg.',
      who: 'Moderatorene.',
    },
    {
      id: 'importer',
      title: 'Importer',
      what: 'Filene du laster opp på importsiden, filnavn, størrelse, tidspunkt og hva importen ville endre eller endret.',
      why: 'For at moderatorene kan vurdere importen, og for å kunne se hvem som importerte hva.',
      basis: directoryInterest,
      retention: 'Selve filene slettes når importen er godkjent, avvist eller forkastet. Resten beholdes som en del av sporet av endringer; sletter du kontoen, kobles importen fra deg.',
      who: 'Du og moderatorene.',
    },
    {
      id: 'feilmeldinger',
      title: 'Meldinger om feil i et tilbud',
      what: 'Det du skriver i «Meld fra om feil», og e-postadressen din hvis du oppgir den.',
      why: 'For å rette opplysningene om tilbudet, og for å kunne svare deg.',
      basis: directoryInterest,
      retention: 'Meldingen beholdes som en del av historikken til tilbudet. Sletter du en konto med samme e-postadresse, fjerner vi adressen fra åpne meldinger og sletter meldinger som er behandlet.',
      who: 'Moderatorene.',
    },
    {
      id: 'planer',
      title: 'Etableringsplaner',
      what: 'Planer du lager eller er med på: navn, virksomhet, kommune, notat, sjekkliste (med navnene dere skriver inn som ansvarlige), modenhetsvurdering og kostnadsberegning; hvem som er med og med hvilken rolle; og invitasjoner til e-postadresser som ikke har tatt dem i bruk ennå.',
      why: 'For at du og kollegene dine kan planlegge et nytt tilbud sammen.',
      basis: `${basis.contract} For e-postadressen til en du inviterer: ${basis.interest('interessen i å kunne dele planen med kolleger')}`,
      retention: 'Til planen slettes. Sletter du kontoen, slettes planer bare du har tilgang til; fra delte planer blir du fjernet, og var du eier, blir en annen deltaker eier. En invitasjon slettes når den tas i bruk, trekkes tilbake eller kontoen med den adressen slettes.',
      who: 'Bare personene planen er delt med.',
    },
    {
      id: 'veilederen',
      title: 'Redigering av veilederen',
      what: 'Navnet eller e-postadressen til moderatoren som har endret eller gjennomgått et kapittel i veilederen.',
      why: 'For å vise hvem som står bak innholdet.',
      basis: basis.interest('nettverkets interesse i at veilederen er til å stole på'),
      retention: 'Navnet fjernes når kontoen slettes; selve endringen blir stående.',
      who: 'Moderatorene.',
    },
    {
      id: 'nettverket',
      title: 'Medlemskap i nettverket',
      what: 'Hvilke organisasjoner i nettverket du hører til eller har bedt om å bli med i, rollen din der (koordinator, kontaktperson eller deltaker), en eventuell melding du skrev med forespørselen, og hvem som godkjente eller avslo den og når.',
      why: 'For at nettverket vet hvem som deltar for hvilken organisasjon, og hvem som kan godkjenne nye deltakere.',
      basis: basis.contract,
      retention: 'Til du forlater organisasjonen eller sletter kontoen. Da slettes medlemskapet og forespørslene dine.',
      who: 'Nettverkets koordinatorer og kontaktpersonen i organisasjonen din. Andre ser ikke hvem som er medlem.',
    },
    {
      id: 'arrangementer',
      title: 'Påmeldinger til seminarer, møter og kurs',
      what: 'Hvilke arrangementer og kurs du har meldt deg på, om du står på venteliste eller har meldt deg av, behov du har oppgitt (mat, tilrettelegging, tolk, annet) og om vi har sendt deg påminnelse. Melder du deg på uten konto, lagrer vi navnet og e-postadressen du oppgir, og en hash av lenkene vi sender deg for å bekrefte eller melde deg av. Skriver du referat fra et arrangement, lagres navnet ditt ved hver versjon.',
      why: 'For at arrangøren kan planlegge arrangementet, holde plass til deg og sende deg påminnelser.',
      basis: basis.contract,
      retention: 'Til du sletter kontoen; da går plassene dine videre til dem på ventelisten, og navnet ditt fjernes fra referatene. En påmelding uten konto slettes når du melder deg av, etter ett døgn hvis den aldri ble bekreftet, og senest ett år etter arrangementet.',
      who: 'Arrangøren: nettverkets sekretariat og kontaktpersonene i organisasjonen som arrangerer. Deltakerlisten (bare navn, aldri behov eller e-post) ser også medlemmene av nettverket.',
    },
    {
      id: 'kunnskapsbiblioteket',
      title: 'Arbeid i kunnskapsbiblioteket',
      what: 'Hvem i sekretariatet som har lagt til, importert, endret eller kontrollert en kilde i kunnskapsbiblioteket, og når. På siden til kilden vises navnet til den som kontrollerte den.',
      why: 'For at brukerne kan se hvem som står bak opplysningene, og for å kunne spore endringer.',
      basis: basis.interest('nettverkets interesse i at kunnskapsbiblioteket er til å stole på'),
      retention: 'Til du sletter kontoen. Da fjernes du fra kildene; selve endringene blir stående i endringsloggen uten navnet ditt.',
      who: 'Alle ser navnet til den som kontrollerte en kilde. Resten ser bare sekretariatet og moderatorene.',
    },
    {
      id: 'ideer',
      title: 'Ideer, støtter og kommentarer i nettverket',
      what: 'Ideene du sender inn på «Hva skjer med ideene?» (tittel, beskrivelse, tema, arrangement), hvilke ideer du støtter, kommentarene du skriver, og om sekretariatet har skjult noe av det og hvorfor.',
      why: 'For at nettverket kan samle forslag og følge dem opp til tiltak, og for at du kan trekke støtten din eller se hvorfor noe er skjult.',
      basis: basis.interest('nettverkets interesse i å samle og følge opp forslag fra medlemmene på en åpen måte'),
      retention: 'Til du sletter kontoen. Da blir ideene stående, men uten kobling til deg, fordi de kan være blitt til tiltak andre følger; støttene og kommentarene dine slettes. Vil du ha en idé fjernet, kan sekretariatet skjule den.',
      who: 'Ideer og kommentarer er offentlige, men uten navn: hvem som skrev eller støttet hva, vises ikke for noen andre og deles ikke som åpne data. Det lagres bare så du selv kan se det, laste det ned og slette det. Når sekretariatet skjuler noe, lagres det i endringsloggen hvem som gjorde det og hvorfor.',
    },
    {
      id: 'kurs',
      title: 'Kurs: oppmøte, fullføring og kursbevis',
      what: 'For kursrundene du er påmeldt: om du møtte, om du fullførte, når det ble registrert og av hvem. For kursbevisene dine: kontrollkoden, navnet ditt og kurset slik de sto da kursbeviset ble laget, og når det ble laget.',
      why: 'For at arrangøren kan føre oppmøte, og for at du kan laste ned kursbevis og andre kan kontrollere at det er ekte.',
      basis: basis.contract,
      retention: 'Til du sletter kontoen. Da slettes oppmøte, fullføring og kursbevis; en kontrollkode på et kursbevis du har lastet ned, virker ikke lenger etterpå. Navnet på kursbeviset endres ikke om du senere endrer navnet på kontoen.',
      who: 'Du og arrangøren av kursrunden (nettverkets koordinatorer og kontaktpersonen i organisasjonen som har ansvaret for kurset). Den som har kontrollkoden, ser navnet ditt, kurset, kursrunden og når beviset ble laget – ikke noe annet.',
    },
    {
      id: 'kontaktpersoner',
      title: 'Kontaktopplysninger i tilbudene',
      what: 'Navn, e-postadresse og telefonnummer som organisasjonene selv oppgir som kontakt for tilbudene sine.',
      why: 'For at folk som trenger tilbudet, kan ta kontakt.',
      basis: basis.interest('allmennhetens og organisasjonens interesse i at tilbudet kan nås'),
      retention: 'Til organisasjonen endrer eller fjerner dem.',
      who: 'Alle: de vises på nettstedet og deles som åpne data.',
    },
    {
      id: 'informasjonskapsler',
      title: 'Informasjonskapsler',
      what: 'To informasjonskapsler som nettstedet trenger for å virke: samklang_sesjon holder deg innlogget, og samklang_skjema beskytter skjemaene mot innsendinger fra andre nettsteder. Vi bruker ingen kapsler for analyse eller reklame.',
      why: 'For innlogging og sikkerhet.',
      basis: basis.interest('interessen i at skjemaer og kontoer ikke kan misbrukes'),
      retention: `Innloggingskapselen til du logger ut, og høyst ${settings.sessionDays} dager; skjemakapselen til du lukker nettleseren.`,
      who: 'Ingen, heller ikke moderatorene.',
    },
  ],
  rightsHeading: 'Dine rettigheter',
  rights: [
    { title: 'Innsyn', text: 'Du har rett til å vite hva vi har om deg. På «Min konto» kan du laste ned alt vi har lagret om kontoen din.' },
    { title: 'Retting', text: 'Er noe feil, kan du be oss rette det.' },
    { title: 'Sletting', text: 'Du kan slette kontoen selv fra «Min konto». Før du bekrefter, viser vi hva som skjer med planene dine.' },
    { title: 'Begrensning', text: 'Du kan be oss begrense bruken av opplysningene, for eksempel mens vi undersøker om de er riktige.' },
    { title: 'Dataportabilitet', text: 'Nedlastingen er en maskinlesbar JSON-fil som du kan ta med deg til en annen tjeneste.' },
    { title: 'Protest', text: 'Du kan protestere mot bruk som bygger på berettiget interesse (bokstav f). Da stanser vi den, med mindre tungtveiende grunner taler for å fortsette.' },
  ],
  contact: (email: string) => `Forespørsler sender du til den behandlingsansvarlige på ${email}. Du får svar innen én måned.`,
  complaintHeading: 'Klage til Datatilsynet',
  complaint: 'Mener du at vi behandler personopplysninger i strid med regelverket, kan du klage til Datatilsynet. Datatilsynet er tilsynsmyndigheten for personvern i Norge, og klager sendes dit (datatilsynet.no).',
};
