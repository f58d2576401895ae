// The method settings a reader may choose on /dekning (and in the API): the FCA variant, the
// distance decay, the gravity exponent and the catchment. Page words in the address bar; each
// choice maps to AccessibilitySettings, and the atlas is cached per data version and setting.
import { DEFAULT_SETTINGS, GRAVITY_DEFAULTS } from './settings.ts';
import type { AccessibilitySettings } from './types.ts';

export const PAGE_METHODS = ['e2sfca', '2sfca', '3sfca'] as const;
export type PageMethod = (typeof PAGE_METHODS)[number];
export const PAGE_DECAYS = ['trinn', 'gauss', 'gravitasjon'] as const;
export type PageDecay = (typeof PAGE_DECAYS)[number];
/** API words for the same decays. */
export const API_DECAYS = ['step', 'gaussian', 'gravity'] as const;
export type ApiDecay = (typeof API_DECAYS)[number];

export const CATCHMENT_RANGE = { min: 10, max: 200 } as const;
export const BETA_RANGE = { min: 0.5, max: 3 } as const;

export interface MethodChoice {
  method: PageMethod;
  decay: ApiDecay;
  beta: number;
  catchmentKm: number;
}

export const DEFAULT_CHOICE: Readonly<MethodChoice> = Object.freeze({
  method: 'e2sfca', decay: 'step', beta: GRAVITY_DEFAULTS.beta, catchmentKm: DEFAULT_SETTINGS.catchmentKm,
});

export const toApiDecay = (vekt: string | undefined): ApiDecay => (vekt === 'gauss' ? 'gaussian' : vekt === 'gravitasjon' ? 'gravity' : 'step');
export const toPageDecay = (decay: ApiDecay): PageDecay => (decay === 'gaussian' ? 'gauss' : decay === 'gravity' ? 'gravitasjon' : 'trinn');

/**
 * The settings of a choice. Step zones keep the default weights (1.00 / 0.68 / 0.22) over three
 * equal bands of the chosen catchment, so 60 km gives the default 20 / 40 / 60 km.
 */
export function settingsOf(choice: MethodChoice): AccessibilitySettings {
  if (isDefault(choice)) return DEFAULT_SETTINGS;
  const c = choice.catchmentKm;
  const decay: AccessibilitySettings['decay'] = choice.decay === 'gaussian'
    ? { kind: 'gaussian' }
    : choice.decay === 'gravity'
      ? { kind: 'gravity', beta: choice.beta }
      : { kind: 'step', zones: [{ upToKm: c / 3, weight: 1 }, { upToKm: (2 * c) / 3, weight: 0.68 }, { upToKm: c, weight: 0.22 }] };
  return { method: choice.method, catchmentKm: c, decay };
}

export function isDefault(choice: MethodChoice): boolean {
  return choice.method === DEFAULT_CHOICE.method && choice.decay === DEFAULT_CHOICE.decay
    && choice.catchmentKm === DEFAULT_CHOICE.catchmentKm && (choice.decay !== 'gravity' || choice.beta === DEFAULT_CHOICE.beta);
}

/** One key per distinct computation: the beta only matters to gravity, the decay not to 2SFCA. */
export function choiceKey(choice: MethodChoice): string {
  if (isDefault(choice)) return 'default';
  const decay = choice.method === '2sfca' ? '-' : choice.decay === 'gravity' ? `gravity:${choice.beta}` : choice.decay;
  return `${choice.method}|${decay}|${choice.catchmentKm}`;
}

/** A typed number ("1,5" or "1.5"); null when it is not one. */
export function typedDecimal(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

export function validCatchment(value: number | null): value is number {
  return value !== null && Number.isInteger(value) && value >= CATCHMENT_RANGE.min && value <= CATCHMENT_RANGE.max;
}

export function validBeta(value: number | null): value is number {
  return value !== null && value >= BETA_RANGE.min && value <= BETA_RANGE.max;
}
