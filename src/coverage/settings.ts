// Default parameters and the distance-decay weight function shared by every step.
import type { AccessibilitySettings, Decay } from './types.ts';

/** Scores are reported as FTE per this many inhabitants. */
export const PER_INHABITANTS = 10_000;

/**
 * Defaults: E2SFCA with a 60 km catchment cut into three 20 km bands weighted
 * 1.00 / 0.68 / 0.22. Those are the Gaussian-derived weights Luo & Qi (2009) used
 * for their three travel-time bands; we keep the weights and spread the bands over
 * 60 km because Norwegian services are sparse and people accept long trips for
 * specialised therapy. Bands include their upper bound (exactly 20 km weighs 1.00).
 */
export const DEFAULT_SETTINGS: Readonly<AccessibilitySettings> = Object.freeze({
  method: 'e2sfca',
  catchmentKm: 60,
  decay: Object.freeze({
    kind: 'step',
    zones: Object.freeze([
      Object.freeze({ upToKm: 20, weight: 1.0 }),
      Object.freeze({ upToKm: 40, weight: 0.68 }),
      Object.freeze({ upToKm: 60, weight: 0.22 }),
    ]),
  }),
} as const);

/**
 * Gravity decay defaults. beta 1.5 is our choice, between the gentle 1 and the steep 2 of the
 * usual inverse-distance and inverse-square forms; no estimate of how Norwegians weigh distance to
 * music therapy exists to fit it to, so treat it as a setting to vary, not a finding. minKm 5 is
 * the size of the demand grid's cells: distances below a cell's size say nothing, and it keeps
 * d^-beta finite at d = 0. The weight is scaled to 1 at minKm; a constant factor cancels out of
 * every FCA score, so this changes no result, only makes weights comparable with the other decays.
 */
export const GRAVITY_DEFAULTS = Object.freeze({ beta: 1.5, minKm: 5 });

/** Plain-English problems with the settings; empty when they are usable. */
export function settingsProblems(settings: AccessibilitySettings): string[] {
  const problems: string[] = [];
  if (!(settings.catchmentKm > 0) || !Number.isFinite(settings.catchmentKm)) {
    problems.push('The catchment size must be a positive finite number.');
  }
  if (settings.method !== '2sfca' && settings.method !== 'e2sfca' && settings.method !== '3sfca') problems.push('The method must be 2sfca, e2sfca or 3sfca.');
  if (settings.method !== '2sfca') problems.push(...decayProblems(settings.decay));
  return problems;
}

function decayProblems(decay: Decay): string[] {
  if (decay.kind === 'gravity') {
    const { beta = GRAVITY_DEFAULTS.beta, minKm = GRAVITY_DEFAULTS.minKm } = decay;
    return [
      ...(beta > 0 && Number.isFinite(beta) ? [] : ['The gravity exponent beta must be a positive finite number.']),
      ...(minKm > 0 && Number.isFinite(minKm) ? [] : ['The gravity minimum distance must be a positive finite number.']),
    ];
  }
  if (decay.kind === 'gaussian') {
    const s = decay.sigmaKm;
    return s === undefined || (s > 0 && Number.isFinite(s)) ? [] : ['The Gaussian width must be a positive finite number.'];
  }
  if (decay.zones.length === 0) return ['Step decay needs at least one zone.'];
  const problems: string[] = [];
  let previous = 0;
  decay.zones.forEach((zone, i) => {
    if (!(zone.upToKm > previous)) problems.push(`Zone ${i + 1} must end farther out than the zone before it.`);
    if (!(zone.weight >= 0 && zone.weight <= 1)) problems.push(`Zone ${i + 1} must have a weight between 0 and 1.`);
    previous = zone.upToKm;
  });
  return problems;
}

export function assertSettings(settings: AccessibilitySettings): void {
  const problems = settingsProblems(settings);
  if (problems.length > 0) throw new RangeError(problems.join(' '));
}

/**
 * Weight of a demand–site pair at distance d. Zero beyond the catchment in every
 * method, and zero inside the catchment but past the last step zone (so a zone list
 * shorter than the catchment shrinks the catchment rather than extending a weight).
 */
export function weightFunction(settings: AccessibilitySettings): (d: number) => number {
  const c = settings.catchmentKm;
  if (settings.method === '2sfca') return (d) => (d <= c ? 1 : 0);
  const decay = settings.decay;
  if (decay.kind === 'gravity') {
    const beta = decay.beta ?? GRAVITY_DEFAULTS.beta;
    const minKm = decay.minKm ?? GRAVITY_DEFAULTS.minKm;
    return (d) => (d <= c ? Math.pow((d > minKm ? d : minKm) / minKm, -beta) : 0);
  }
  if (decay.kind === 'gaussian') {
    const sigma = decay.sigmaKm ?? c / 3;
    const k = -0.5 / (sigma * sigma);
    return (d) => (d <= c ? Math.exp(k * d * d) : 0);
  }
  const bounds = decay.zones.map((z) => z.upToKm);
  const weights = decay.zones.map((z) => z.weight);
  return (d) => {
    if (!(d <= c)) return 0;
    for (let z = 0; z < bounds.length; z++) if (d <= bounds[z]!) return weights[z]!;
    return 0;
  };
}
