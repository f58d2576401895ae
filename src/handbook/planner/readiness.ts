// The readiness self-assessment (modenhetsvurdering): statements grouped by the domains that
// implementation research commonly uses (CFIR: the intervention, the outer setting, the inner
// setting, the individuals involved, the process). Each statement points to the handbook
// sections that help where the answer is weak. Ids are stored in plans: never rename or reuse one.
import { msg } from '../../platform/i18n/index.ts';

const t = msg.handbook.readinessModel;

export const DOMAINS = [
  { id: 'tiltaket', ...t.domains.tiltaket },
  { id: 'ytre', ...t.domains.ytre },
  { id: 'indre', ...t.domains.indre },
  { id: 'personer', ...t.domains.personer },
  { id: 'prosess', ...t.domains.prosess },
] as const;
export type DomainId = (typeof DOMAINS)[number]['id'];

export interface Statement {
  id: string;
  domain: DomainId;
  text: string;
  /** handbook section slugs that say more */
  sections: string[];
}

const s = (id: keyof typeof t.statements, domain: DomainId, sections: string[]): Statement => ({ id, domain, text: t.statements[id], sections });

export const STATEMENTS: Statement[] = [
  s('kjenner-musikkterapi', 'tiltaket', ['hva-er-musikkterapi', 'kunnskapsgrunnlag']),
  s('kjenner-retningslinjer', 'tiltaket', ['nasjonale-retningslinjer']),
  s('tydelig-tilbud', 'tiltaket', ['malgruppe-og-tjenesteniva']),
  s('kjenner-behovet', 'ytre', ['malgruppe-og-tjenesteniva', 'samarbeid']),
  s('kjenner-finansiering', 'ytre', ['plan-budsjett-og-finansiering']),
  s('har-samarbeidspartnere', 'ytre', ['samarbeid']),
  s('ledelsen-staar-bak', 'indre', ['forankring']),
  s('i-planer-og-budsjett', 'indre', ['forankring', 'plan-budsjett-og-finansiering']),
  s('rom-og-utstyr', 'indre', ['rom-og-instrumenter']),
  s('kolleger-positive', 'personer', ['samarbeid', 'forankring']),
  s('brukere-med', 'personer', ['brukermedvirkning-og-erfaringskonsulenter']),
  s('vet-kompetansekrav', 'personer', ['kompetanse-og-rekruttering']),
  s('ansvarlig-utpekt', 'prosess', ['forankring']),
  s('plan-for-evaluering', 'prosess', ['evaluering', 'dokumentasjon']),
];

export const SCALE = [1, 2, 3, 4, 5] as const;

export interface DomainScore {
  id: DomainId;
  name: string;
  description: string;
  /** mean of the answered statements, null when none is answered */
  average: number | null;
  answered: number;
  total: number;
}
export interface ReadinessProfile {
  domains: DomainScore[];
  answered: number;
  /** the domains with the lowest mean (ties included), when anything is answered and not all is 5 */
  weakest: { domain: DomainScore; lowStatements: Statement[]; sections: string[] }[];
}

/** Means per domain and the weakest domains with the statements that pull them down. */
export function readinessProfile(answers: Record<string, number>): ReadinessProfile {
  const domains: DomainScore[] = DOMAINS.map((domain) => {
    const scores = STATEMENTS.filter((st) => st.domain === domain.id).map((st) => answers[st.id]);
    const given = scores.filter((score): score is number => typeof score === 'number');
    return {
      id: domain.id, name: domain.name, description: domain.description,
      average: given.length ? given.reduce((a, b) => a + b, 0) / given.length : null,
      answered: given.length, total: scores.length,
    };
  });
  const scored = domains.filter((d) => d.average !== null);
  const lowest = Math.min(...scored.map((d) => d.average!));
  const weakest = scored.length === 0 || lowest >= 5 ? [] : scored.filter((d) => d.average === lowest).map((domain) => {
    const inDomain = STATEMENTS.filter((st) => st.domain === domain.id && answers[st.id] !== undefined);
    const floor = Math.min(...inDomain.map((st) => answers[st.id]!));
    const lowStatements = inDomain.filter((st) => answers[st.id] === floor);
    return { domain, lowStatements, sections: [...new Set(lowStatements.flatMap((st) => st.sections))] };
  });
  return { domains, answered: scored.reduce((n, d) => n + d.answered, 0), weakest };
}
