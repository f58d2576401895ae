// Judges the finder against the relevance test set (relevance-queries.ts) through the real
// GET /api/v1/services: shared by the relevance suite and `npm run bench:search`.
import type { FastifyInstance } from 'fastify';
import type { DemoData } from '../../../src/directory/demo.ts';
import { RELEVANCE_QUERIES, type Judge, type RelevanceQuery } from './relevance-queries.ts';

interface ApiHit { id: string; distance_km: number | null }
interface ApiList { total: number; items: ApiHit[]; place: { label: string; lat: number; lon: number; from_text: string | null } | null }

export interface QueryOutcome {
  q: string;
  /** offers that are right for the query and shown in the finder */
  relevant: number;
  hits: number;
  /** right offers in the first five over how many could be there (min(5, relevant)); null without right offers */
  precisionAt5: number | null;
  /** the place the search took from the text, when the query expects one and it is missing or another */
  wrongPlace: string | null;
}

export interface RelevanceReport {
  queries: number;
  /** queries with at least one right offer */
  withMatches: number;
  /** queries with right offers that gave no hit */
  zeroHitWithMatches: string[];
  /** share of all queries that gave no hit (the no-hit-is-right ones included) */
  zeroHitRate: number;
  /** mean precision@5 over the queries with right offers */
  precisionAt5: number;
  /** queries where no hit is right, and how many of them gave none */
  noHitIsRight: { queries: number; right: number };
  outcomes: QueryOutcome[];
}

const RADIANS = Math.PI / 180;
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const h = Math.sin(((b.lat - a.lat) * RADIANS) / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(((b.lon - a.lon) * RADIANS) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

async function list(app: FastifyInstance, params: Record<string, string>): Promise<ApiList> {
  const response = await app.inject({ method: 'GET', url: `/api/v1/services?${new URLSearchParams(params)}` });
  if (response.statusCode !== 200) throw new Error(`${JSON.stringify(params)} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
  return response.json() as ApiList;
}

function matches(judge: Judge, facts: { terms: Set<string>; activities: Set<string>; organization: string }): boolean {
  const holds = (entry: string | string[], set: Set<string>) => (Array.isArray(entry) ? entry.some((e) => set.has(e)) : set.has(entry));
  return (judge.terms ?? []).every((t) => holds(t, facts.terms))
    && (judge.activities ?? []).every((a) => holds(a, facts.activities))
    && (judge.organization === undefined || facts.organization.includes(judge.organization));
}

export async function judgeRelevance(app: FastifyInstance, data: DemoData, queries: RelevanceQuery[] = RELEVANCE_QUERIES): Promise<RelevanceReport> {
  // what the finder shows at all (published, confirmed recently enough)
  const visible = new Set<string>();
  for (let page = 1; ; page++) {
    const body = await list(app, { antall: '100', side: String(page), sortering: 'navn' });
    for (const item of body.items) visible.add(item.id);
    if (page * 100 >= body.total) break;
  }
  const organizations = new Map(data.organizations.map((o) => [o.id, o.name]));
  const offers = data.services.filter((s) => visible.has(s.id)).map((s) => ({
    id: s.id,
    point: s.locations[0] ? { lat: s.locations[0].latitude!, lon: s.locations[0].longitude! } : null,
    facts: {
      terms: new Set([...s.terms, ...s.languages.map((code) => `sprak:${code}`), ...s.locations.flatMap((l) => l.accessibility)]),
      activities: new Set<string>(data.activities[s.id] ?? []),
      organization: organizations.get(s.organizationId) ?? '',
    },
  }));

  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    const body = await list(app, { q: query.q, antall: '5' });
    const place = body.place;
    const wrongPlace = query.place !== undefined && !(place?.from_text?.includes(query.place)) ? `${place?.from_text ?? 'none'}` : null;
    const judge = query.relevant;
    let right = judge === 'none' ? [] : offers.filter((o) => matches(judge, o.facts));
    const count = right.length;
    if (place && right.length > 0) {
      // from a place, the right offers are the nearest right ones: as near as the fifth nearest (3 km
      // of slack: a confidential offer is measured from its municipality's point)
      const distances = right.filter((o) => o.point).map((o) => ({ o, d: km(place, o.point!) })).sort((a, b) => a.d - b.d);
      const reach = distances[Math.min(5, distances.length) - 1]?.d;
      right = reach === undefined ? right : distances.filter((x) => x.d <= reach + 3).map((x) => x.o);
    }
    const ids = new Set(right.map((o) => o.id));
    const top = body.items.slice(0, 5);
    const precisionAt5 = count === 0 ? null : top.filter((h) => ids.has(h.id)).length / Math.min(5, count);
    outcomes.push({ q: query.q, relevant: count, hits: body.total, precisionAt5, wrongPlace });
  }
  const scored = outcomes.filter((o) => o.precisionAt5 !== null);
  const none = outcomes.filter((o) => o.relevant === 0);
  return {
    queries: outcomes.length,
    withMatches: scored.length,
    zeroHitWithMatches: scored.filter((o) => o.hits === 0).map((o) => o.q),
    zeroHitRate: outcomes.filter((o) => o.hits === 0).length / outcomes.length,
    precisionAt5: scored.reduce((sum, o) => sum + o.precisionAt5!, 0) / Math.max(1, scored.length),
    noHitIsRight: { queries: none.length, right: none.filter((o) => o.hits === 0).length },
    outcomes,
  };
}
