/** The four regional health authorities (RHF); codes are ours and stable. */
export const HEALTH_REGIONS = [
  { code: 'helse-nord', name: 'Helse Nord' },
  { code: 'helse-midt-norge', name: 'Helse Midt-Norge' },
  { code: 'helse-vest', name: 'Helse Vest' },
  { code: 'helse-sor-ost', name: 'Helse Sør-Øst' },
] as const;

export function healthRegionCode(name: string): string {
  const region = HEALTH_REGIONS.find((r) => r.name === name);
  if (!region) throw new Error(`Unknown health region "${name}" in reference data`);
  return region.code;
}

/** Postal codes outside any municipality (Bring gives these numbers for them). */
export const AREAS_OUTSIDE_MUNICIPALITIES: Record<string, string> = { '2100': 'Svalbard', '2211': 'Jan Mayen' };
