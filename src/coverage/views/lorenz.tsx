import { Table } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import type { LorenzPoint, LorenzResult } from '../inequality.ts';
import { PALETTE, PATTERN_INK } from '../scale.ts';
import { percent } from './format.ts';
import { DataTable } from '../../platform/views/data-table.tsx';

const m = msg.coverage.inequality;
const SIZE = 240;
const PAD = { left: 60, bottom: 40, top: 8, right: 24 };

/** The curve read at 10 %, 20 % … of the population; exact, since the curve is straight between its points. */
export function lorenzDeciles(points: readonly LorenzPoint[]): LorenzPoint[] {
  return Array.from({ length: 10 }, (_, k) => {
    const p = (k + 1) / 10;
    const after = points.findIndex((q) => q.populationShare >= p - 1e-12);
    const b = points[after] ?? points[points.length - 1]!;
    const a = points[after - 1] ?? b;
    const span = b.populationShare - a.populationShare;
    const t = span > 0 ? (p - a.populationShare) / span : 1;
    return { populationShare: p, accessShare: a.accessShare + t * (b.accessShare - a.accessShare) };
  });
}

export function LorenzChart({ lorenz, giniText }: { lorenz: LorenzResult; giniText: string }) {
  const x = (share: number) => PAD.left + share * SIZE;
  const y = (share: number) => PAD.top + (1 - share) * SIZE;
  const line = lorenz.points.map((p) => `${x(p.populationShare).toFixed(1)},${y(p.accessShare).toFixed(1)}`).join(' ');
  const ticks = [0, 0.5, 1];
  return (
    <figure className="lorenz">
      <svg width={PAD.left + SIZE + PAD.right} height={PAD.top + SIZE + PAD.bottom} viewBox={`0 0 ${PAD.left + SIZE + PAD.right} ${PAD.top + SIZE + PAD.bottom}`} role="img" aria-labelledby="lorenz-tittel lorenz-beskrivelse">
        <title id="lorenz-tittel">{m.chartTitle}</title>
        <desc id="lorenz-beskrivelse">{m.chartDescription(giniText)}</desc>
        <rect x={x(0)} y={y(1)} width={SIZE} height={SIZE} fill="none" stroke={PATTERN_INK} strokeWidth="1" />
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke={PATTERN_INK} strokeWidth="1" strokeDasharray="4 3" />
        <polyline points={line} fill="none" stroke={PALETTE[4]} strokeWidth="2.5" />
        {ticks.map((t) => (
          <g key={t}>
            <text x={x(t)} y={y(0) + 16} textAnchor="middle" fontSize="11" fill={PATTERN_INK}>{percent(t)}</text>
            <text x={x(0) - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill={PATTERN_INK}>{percent(t)}</text>
          </g>
        ))}
        <text x={x(0.5)} y={y(0) + 34} textAnchor="middle" fontSize="11" fill={PATTERN_INK}>{m.axisPopulation}</text>
        <text x={12} y={y(0.5)} textAnchor="middle" fontSize="11" fill={PATTERN_INK} transform={`rotate(-90 12 ${y(0.5)})`} dominantBaseline="hanging">{m.axisAccess}</text>
      </svg>
      <figcaption className="ds-paragraph" data-size="sm">{m.chartDescription(giniText)} {m.dashed}</figcaption>
    </figure>
  );
}

export function LorenzTable({ points }: { points: readonly LorenzPoint[] }) {
  return (
    <DataTable zebra caption={m.decilesCaption} rows={lorenzDeciles(points)} rowKey={(p) => p.populationShare} columns={[
      { header: m.populationShare, cell: (p) => percent(p.populationShare) },
      { header: m.accessShare, cell: (p) => percent(p.accessShare) },
    ]} />
  );
}
