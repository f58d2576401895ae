import type { Catalogue } from '../catalogue.ts';
import { formatInteger } from '../format.ts';

/**
 * English text of "Best next placement" and "What if?" (issue 15): what the placement goal means, how far
 * ahead the winner is, ties, positions by coordinates, and the people-based demand.
 */
const number = (x: number) => formatInteger(Math.round(x));

export const coveragePlanning = {
  objectives: {
    naerhet: 'As many people as possible get a service within reach (nearness)',
    tilgang: 'Highest average accessibility',
    gini: 'A more even distribution (lower Gini)',
  } as Record<string, string>,
  objectiveHint: (reach: number, unit: string) => `The standard goal is nearness: how many more residents get a service within ${reach} ${unit}.`,
  columns: {
    step: 'Step',
    municipality: 'Municipality',
    newlyWithin: (reach: number, unit: string) => `New residents within ${reach} ${unit}`,
    distanceFall: (unit: string) => `Shorter average distance (${unit})`,
    meanAfter: 'Accessibility (average) after',
    giniAfter: 'Gini after',
    runnerUp: 'Second-best suggestion',
    margin: 'Lead on the goal',
    decidedBy: 'What decided it',
  },
  decided: {
    objective: 'The goal',
    'tie-break': 'Equal on the goal, decided by the next criterion',
    order: 'Exactly equal, decided by the order',
    'only-candidate': 'Only candidate',
  } as Record<string, string>,
  stepsCaption: 'The positions in the order the search chose them, with the second-best suggestion at each step',
  /** One plain sentence per step. */
  stepSummary: (s: {
    step: number; name: string; objective: 'reach' | 'accessibility' | 'gini'; newlyWithin: number; reach: number; unit: string;
    runnerUp: string | null; margin: string | null; decidedBy: string; tied: number;
  }) => {
    const gain = s.objective === 'reach'
      ? `${number(s.newlyWithin)} more ${s.newlyWithin === 1 ? 'resident gets' : 'residents get'} a service within ${s.reach} ${s.unit}`
      : s.objective === 'gini' ? 'gives the lowest Gini coefficient' : 'gives the highest average accessibility';
    const first = `Position ${s.step} in ${s.name}: ${gain}.`;
    if (s.runnerUp === null) return `${first} There were no other candidates.`;
    if (s.decidedBy === 'objective') return `${first} That is ${s.margin} better than the second-best suggestion, ${s.runnerUp}.`;
    if (s.decidedBy === 'tie-break') {
      return `${first} ${s.tied} candidates were equally good on the goal itself, among them ${s.runnerUp}; the next criterion decided the choice.`;
    }
    return `${first} ${s.name} and ${s.runnerUp} are equally good on every measure. The choice between them is arbitrary (the order in the list), and both are an equally good answer.`;
  },
  marginPeople: (n: number) => `${number(n)} ${n === 1 ? 'resident' : 'residents'}`,
  marginScore: (x: string) => `${x} FTE per 10,000`,
  marginGini: (x: string) => `${x} lower Gini`,
  csv: 'Download the suggestion as CSV',
  methodHeading: 'How the search works',
  method: (reach: number, unit: string) => [
    'The search tries a new position in each municipality, where most people live (the population centre of the municipality). It keeps the one that improves the goal most, and repeats with the chosen positions in place until all are placed. This way it finds good placements, but not necessarily the very best combination.',
    `The standard goal is nearness: how many more residents get a service within ${reach} ${unit}. If two municipalities are equally good on that, the one that makes the population's average distance to the nearest service shortest wins. This way the goal tells the candidates apart.`,
    'The goal “highest average accessibility” hardly tells the municipalities apart. Accessibility shares all FTE among the population within reach, so the average rises by the same amount wherever the position is placed. The choice is then decided by the next criterion: how many people get access for the first time, and then the lowest Gini.',
    'For each step the table shows the second-best suggestion and how much better the winner is. If it says the choice was decided by the order, the two are equally good on every measure.',
  ],
  scenario: {
    lead: 'Add up to 10 imagined positions and see how all the measures change. A position in a municipality is placed where most people live (the population centre of the municipality). You can also place it by coordinates. Nothing is saved: the link to the page holds the whole scenario, so you can share it.',
    lat: 'Latitude (optional)',
    lon: 'Longitude (optional)',
    coordinatesHint: 'Decimal degrees, for example 69.6496 and 18.9560. Used instead of the municipality when both are filled in.',
  },
  errors: {
    lat: 'Enter the latitude as a number between 57.8 and 71.3, for example 69.6496.',
    lon: 'Enter the longitude as a number between 4.4 and 31.3, for example 18.9560.',
    outside: 'The point is not in Norway: it is more than 50 km from the nearest place where anyone lives.',
    coordinatesOrMunicipality: 'Choose a municipality or fill in both latitude and longitude.',
  },
  demand: 'The population is spread over squares of 10 × 10 km where people live (source: Statistics Norway (SSB), Befolkning på rutenett 250 m (population on a 250 m grid), 2022), using each municipality\'s population for the year in use. The shares with no service nearby are shares of the residents.',
} as const satisfies Catalogue['coveragePlanning'];
