// "Beste neste plassering" and "Hva om?" (issue 15): what the placement goal means, how far ahead
// the winner is, ties, positions by coordinates, and the people-based demand.
const number = (x: number) => Math.round(x).toLocaleString('nb-NO');

export const coveragePlanning = {
  objectives: {
    naerhet: 'Flest mulig får et tilbud innen rekkevidde (nærhet)',
    tilgang: 'Høyest gjennomsnittlig tilgang',
    gini: 'Jevnere fordeling (lavere Gini)',
  } as Record<string, string>,
  objectiveHint: (reach: number, unit: string) => `Standardmålet er nærhet: hvor mange flere innbyggere som får et tilbud innen ${reach} ${unit}.`,
  columns: {
    step: 'Steg',
    municipality: 'Kommune',
    newlyWithin: (reach: number, unit: string) => `Nye innbyggere innen ${reach} ${unit}`,
    distanceFall: (unit: string) => `Kortere snittavstand (${unit})`,
    meanAfter: 'Tilgang (snitt) etter',
    giniAfter: 'Gini etter',
    runnerUp: 'Nest beste forslag',
    margin: 'Forsprang på målet',
    decidedBy: 'Hva avgjorde',
  },
  decided: {
    objective: 'Målet',
    'tie-break': 'Likt på målet, avgjort av neste kriterium',
    order: 'Helt likt, avgjort av rekkefølgen',
    'only-candidate': 'Eneste kandidat',
  } as Record<string, string>,
  stepsCaption: 'Stillingene i den rekkefølgen søket valgte dem, med nest beste forslag ved hvert steg',
  /** One plain sentence per step. */
  stepSummary: (s: {
    step: number; name: string; objective: 'reach' | 'accessibility' | 'gini'; newlyWithin: number; reach: number; unit: string;
    runnerUp: string | null; margin: string | null; decidedBy: string; tied: number;
  }) => {
    const gain = s.objective === 'reach'
      ? `${number(s.newlyWithin)} flere innbyggere får et tilbud innen ${s.reach} ${s.unit}`
      : s.objective === 'gini' ? 'gir den laveste Gini-koeffisienten' : 'gir høyest gjennomsnittlig tilgang';
    const first = `Stilling ${s.step} i ${s.name}: ${gain}.`;
    if (s.runnerUp === null) return `${first} Det var ingen andre kandidater.`;
    if (s.decidedBy === 'objective') return `${first} Det er ${s.margin} bedre enn nest beste forslag, ${s.runnerUp}.`;
    if (s.decidedBy === 'tie-break') {
      return `${first} ${s.tied} kandidater var like gode på selve målet, blant dem ${s.runnerUp}; valget ble avgjort av neste kriterium.`;
    }
    return `${first} ${s.name} og ${s.runnerUp} er like gode på alle mål. Valget mellom dem er tilfeldig (rekkefølgen i listen), og begge er et like godt svar.`;
  },
  marginPeople: (n: number) => `${number(n)} innbyggere`,
  marginScore: (x: string) => `${x} årsverk per 10\u00a0000`,
  marginGini: (x: string) => `${x} lavere Gini`,
  csv: 'Last ned forslaget som CSV',
  methodHeading: 'Slik virker søket',
  method: (reach: number, unit: string) => [
    'Søket prøver en ny stilling i hver kommune, der flest bor (kommunens befolkningssentrum). Det beholder den som forbedrer målet mest, og gjentar med de valgte stillingene på plass til alle er plassert. Slik finner det gode plasseringer, men ikke nødvendigvis den aller beste kombinasjonen.',
    `Standardmålet er nærhet: hvor mange flere innbyggere som får et tilbud innen ${reach} ${unit}. Er to kommuner like gode på det, vinner den som gjør snittavstanden til nærmeste tilbud kortest for befolkningen. Slik skiller målet mellom kandidatene.`,
    'Målet «høyest gjennomsnittlig tilgang» skiller nesten ikke mellom kommunene. Tilgangen fordeler alle årsverk på befolkningen innen rekkevidde, så snittet øker like mye uansett hvor stillingen plasseres. Da avgjøres valget av neste kriterium: hvor mange som får tilgang for første gang, og deretter lavest Gini.',
    'Tabellen viser for hvert steg det nest beste forslaget og hvor mye bedre vinneren er. Står det at valget ble avgjort av rekkefølgen, er de to like gode på alle mål.',
  ],
  scenario: {
    lead: 'Legg til opptil 10 tenkte stillinger og se hvordan alle målene endrer seg. En stilling i en kommune plasseres der flest bor (kommunens befolkningssentrum). Du kan også plassere den med koordinater. Ingenting lagres: lenken til siden inneholder hele scenarioet, så du kan dele den.',
    lat: 'Breddegrad (valgfritt)',
    lon: 'Lengdegrad (valgfritt)',
    coordinatesHint: 'Desimalgrader, for eksempel 69,6496 og 18,9560. Brukes i stedet for kommunen når begge er fylt inn.',
  },
  errors: {
    lat: 'Skriv breddegrad som et tall mellom 57,8 og 71,3, for eksempel 69,6496.',
    lon: 'Skriv lengdegrad som et tall mellom 4,4 og 31,3, for eksempel 18,9560.',
    outside: 'Punktet ligger ikke i Norge: det er mer enn 50 km fra nærmeste sted der noen bor.',
    coordinatesOrMunicipality: 'Velg en kommune eller fyll inn både breddegrad og lengdegrad.',
  },
  demand: 'Befolkningen er fordelt på ruter på 10 × 10 km der folk bor (Kilde: Statistisk sentralbyrå (SSB), Befolkning på rutenett 250 m, 2022), med hver kommunes folketall for året som brukes. Andelene uten tilbud i nærheten er andeler av innbyggerne.',
} as const;
