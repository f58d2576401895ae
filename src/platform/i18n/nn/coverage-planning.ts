import type { Catalogue } from '../catalogue.ts';
import { formatInteger } from '../format.ts';

/**
 * Nynorsk text of "Beste neste plassering" and "Kva om?" (issue 15): what the placement goal means, how far
 * ahead the winner is, ties, positions by coordinates, and the people-based demand.
 */
const number = (x: number) => formatInteger(Math.round(x));

export const coveragePlanning = {
  objectives: {
    naerhet: 'Flest mogleg får eit tilbod innan rekkjevidd (nærleik)',
    tilgang: 'Høgast gjennomsnittleg tilgjenge',
    gini: 'Jamnare fordeling (lågare Gini)',
  } as Record<string, string>,
  objectiveHint: (reach: number, unit: string) => `Standardmålet er nærleik: kor mange fleire innbyggjarar som får eit tilbod innan ${reach} ${unit}.`,
  columns: {
    step: 'Steg',
    municipality: 'Kommune',
    newlyWithin: (reach: number, unit: string) => `Nye innbyggjarar innan ${reach} ${unit}`,
    distanceFall: (unit: string) => `Kortare snittavstand (${unit})`,
    meanAfter: 'Tilgjenge (snitt) etter',
    giniAfter: 'Gini etter',
    runnerUp: 'Nest beste forslag',
    margin: 'Forsprang på målet',
    decidedBy: 'Kva avgjorde',
  },
  decided: {
    objective: 'Målet',
    'tie-break': 'Likt på målet, avgjort av neste kriterium',
    order: 'Heilt likt, avgjort av rekkjefølgja',
    'only-candidate': 'Einaste kandidat',
  } as Record<string, string>,
  stepsCaption: 'Stillingane i den rekkjefølgja søket valde dei, med nest beste forslag ved kvart steg',
  /** One plain sentence per step. */
  stepSummary: (s: {
    step: number; name: string; objective: 'reach' | 'accessibility' | 'gini'; newlyWithin: number; reach: number; unit: string;
    runnerUp: string | null; margin: string | null; decidedBy: string; tied: number;
  }) => {
    const gain = s.objective === 'reach'
      ? `${number(s.newlyWithin)} fleire innbyggjarar får eit tilbod innan ${s.reach} ${s.unit}`
      : s.objective === 'gini' ? 'gir den lågaste Gini-koeffisienten' : 'gir høgast gjennomsnittleg tilgjenge';
    const first = `Stilling ${s.step} i ${s.name}: ${gain}.`;
    if (s.runnerUp === null) return `${first} Det var ingen andre kandidatar.`;
    if (s.decidedBy === 'objective') return `${first} Det er ${s.margin} betre enn nest beste forslag, ${s.runnerUp}.`;
    if (s.decidedBy === 'tie-break') {
      return `${first} ${s.tied} kandidatar var like gode på sjølve målet, mellom dei ${s.runnerUp}; valet vart avgjort av neste kriterium.`;
    }
    return `${first} ${s.name} og ${s.runnerUp} er like gode på alle mål. Valet mellom dei er tilfeldig (rekkjefølgja i lista), og begge er eit like godt svar.`;
  },
  marginPeople: (n: number) => `${number(n)} ${n === 1 ? 'innbyggjar' : 'innbyggjarar'}`,
  marginScore: (x: string) => `${x} årsverk per 10\u00a0000`,
  marginGini: (x: string) => `${x} lågare Gini`,
  csv: 'Last ned forslaget som CSV',
  methodHeading: 'Slik verkar søket',
  method: (reach: number, unit: string) => [
    'Søket prøver ei ny stilling i kvar kommune, der flest bur (befolkningssentrumet i kommunen). Det held på den som betrar målet mest, og gjentek med dei valde stillingane på plass til alle er plasserte. Slik finn det gode plasseringar, men ikkje nødvendigvis den aller beste kombinasjonen.',
    `Standardmålet er nærleik: kor mange fleire innbyggjarar som får eit tilbod innan ${reach} ${unit}. Er to kommunar like gode på det, vinn den som gjer snittavstanden til nærmaste tilbod kortast for befolkninga. Slik skil målet mellom kandidatane.`,
    'Målet «høgast gjennomsnittleg tilgjenge» skil nesten ikkje mellom kommunane. Tilgjenget fordeler alle årsverk på befolkninga innan rekkjevidd, så snittet aukar like mykje same kvar stillinga blir plassert. Då blir valet avgjort av neste kriterium: kor mange som får tilgang for første gong, og deretter lågast Gini.',
    'Tabellen viser for kvart steg det nest beste forslaget og kor mykje betre vinnaren er. Står det at valet vart avgjort av rekkjefølgja, er dei to like gode på alle mål.',
  ],
  scenario: {
    lead: 'Legg til opptil 10 tenkte stillingar og sjå korleis alle måla endrar seg. Ei stilling i ein kommune blir plassert der flest bur (befolkningssentrumet i kommunen). Du kan òg plassere henne med koordinatar. Ingenting blir lagra: lenkja til sida inneheld heile scenarioet, så du kan dele henne.',
    lat: 'Breiddegrad (valfritt)',
    lon: 'Lengdegrad (valfritt)',
    coordinatesHint: 'Desimalgradar, til dømes 69,6496 og 18,9560. Blir brukte i staden for kommunen når begge er fylte inn.',
  },
  errors: {
    lat: 'Skriv breiddegrad som eit tal mellom 57,8 og 71,3, til dømes 69,6496.',
    lon: 'Skriv lengdegrad som eit tal mellom 4,4 og 31,3, til dømes 18,9560.',
    outside: 'Punktet ligg ikkje i Noreg: det er meir enn 50 km frå nærmaste stad der nokon bur.',
    coordinatesOrMunicipality: 'Vel ein kommune eller fyll inn både breiddegrad og lengdegrad.',
  },
  demand: 'Befolkninga er fordelt på ruter på 10 × 10 km der folk bur (kjelde: Statistisk sentralbyrå (SSB), Befolkning på rutenett 250 m, 2022), med folketalet i kvar kommune for året som blir brukt. Delane utan tilbod i nærleiken er delar av innbyggjarane.',
} as const satisfies Catalogue['coveragePlanning'];
