// Population-weighted Theil T index with its exact decomposition into a
// between-group part and a within-group part (groups = health regions):
//   T = Σ_g s_g · ln(μ_g / μ)  +  Σ_g s_g · T_g,   s_g = group's share of Σ P·x.
import { observations, type Degenerate } from './inequality.ts';
import { UNASSIGNED } from './ratios.ts';

export interface TheilGroup {
  group: string;
  population: number;
  mean: number;
  /** The group's own Theil index (0 when its mean is 0). */
  theil: number;
  /** s_g: the group's share of total population × score. */
  share: number;
  between: number;
  within: number;
}

export interface TheilResult {
  total: number;
  between: number;
  within: number;
  groups: TheilGroup[];
  degenerate: Degenerate;
  skipped: number;
}

/** x·ln(x/mean) with the convention 0·ln 0 = 0, so zero scores are allowed. */
function term(x: number, mean: number): number {
  return x > 0 ? (x / mean) * Math.log(x / mean) : 0;
}

export function theil(
  values: readonly (number | null)[],
  weights: readonly (number | null)[],
  groups: readonly (string | undefined)[] = [],
): TheilResult {
  const { kept, skipped } = observations(values, weights);
  const W = kept.reduce((s, o) => s + o.weight, 0);
  const total = kept.reduce((s, o) => s + o.weight * o.unit, 0);
  const top = kept.reduce((m, o) => Math.max(m, o.value), 0);
  const byGroup = new Map<string, typeof kept>();
  for (const o of kept) {
    const key = groups[o.index] ?? UNASSIGNED;
    const members = byGroup.get(key);
    if (members) members.push(o);
    else byGroup.set(key, [o]);
  }
  const degenerate: Degenerate = kept.length === 0 ? 'empty' : total > 0 ? null : 'all-zero';
  const mean = total > 0 ? total / W : 0;
  const summary: TheilGroup[] = [...byGroup.entries()]
    .map(([group, members]) => {
      const gw = members.reduce((s, o) => s + o.weight, 0);
      const gt = members.reduce((s, o) => s + o.weight * o.unit, 0);
      const gm = gt / gw;
      const own = gm > 0 ? members.reduce((s, o) => s + (o.weight / gw) * term(o.unit, gm), 0) : 0;
      const share = total > 0 ? gt / total : 0;
      const between = share > 0 ? share * Math.log(gm / mean) : 0;
      return { group, population: gw, mean: gm * top, theil: own, share, between, within: share * own };
    })
    .sort((a, b) => a.group.localeCompare(b.group));
  if (degenerate) return { total: 0, between: 0, within: 0, groups: summary, degenerate, skipped };
  // The total is computed directly (not as the sum of parts) so tests can check the identity.
  const T = kept.reduce((s, o) => s + (o.weight / W) * term(o.unit, mean), 0);
  const between = summary.reduce((s, g) => s + g.between, 0);
  const within = summary.reduce((s, g) => s + g.within, 0);
  return { total: T, between, within, groups: summary, degenerate: null, skipped };
}
