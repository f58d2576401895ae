// The readiness self-assessment (modenhetsvurdering): statements grouped by the domains that
// implementation research commonly uses (CFIR: the intervention, the outer setting, the inner
// setting, the individuals involved, the process). Each statement points to the handbook
// sections that help where the answer is weak. Ids are stored in plans: never rename or reuse one.

export const DOMAINS = [
  { id: 'tiltaket', name: 'Tiltaket', description: 'Hva musikkterapi er, og hva tilbudet skal være' },
  { id: 'ytre', name: 'Ytre forhold', description: 'Behov, samarbeidspartnere og finansiering utenfor egen virksomhet' },
  { id: 'indre', name: 'Indre forhold', description: 'Ledelse, planer, budsjett og lokaler i egen virksomhet' },
  { id: 'personer', name: 'Personene', description: 'Kolleger, brukere og kompetansen dere trenger' },
  { id: 'prosess', name: 'Prosessen', description: 'Ansvar, framdrift og evaluering' },
] as const;
export type DomainId = (typeof DOMAINS)[number]['id'];

export interface Statement {
  id: string;
  domain: DomainId;
  text: string;
  /** handbook section slugs that say more */
  sections: string[];
}

const s = (id: string, domain: DomainId, text: string, sections: string[]): Statement => ({ id, domain, text, sections });

export const STATEMENTS: Statement[] = [
  s('kjenner-musikkterapi', 'tiltaket', 'Vi vet hva musikkterapi er, og hva det kan bidra med for målgruppen vår.', ['hva-er-musikkterapi', 'kunnskapsgrunnlag']),
  s('kjenner-retningslinjer', 'tiltaket', 'Vi vet hvilke nasjonale faglige retningslinjer som gjelder for tjenesten vår.', ['nasjonale-retningslinjer']),
  s('tydelig-tilbud', 'tiltaket', 'Vi har en tydelig idé om målgruppe, tjenestenivå og form på tilbudet.', ['malgruppe-og-tjenesteniva']),
  s('kjenner-behovet', 'ytre', 'Vi kjenner behovet og vet hvilke tilbud som finnes i området fra før.', ['malgruppe-og-tjenesteniva', 'samarbeid']),
  s('kjenner-finansiering', 'ytre', 'Vi har oversikt over mulige finansieringskilder utenfor eget budsjett.', ['plan-budsjett-og-finansiering']),
  s('har-samarbeidspartnere', 'ytre', 'Vi har samarbeidspartnere som vil henvise til eller støtte tilbudet.', ['samarbeid']),
  s('ledelsen-staar-bak', 'indre', 'Ledelsen står bak etableringen og vil sette av ressurser til den.', ['forankring']),
  s('i-planer-og-budsjett', 'indre', 'Tilbudet passer inn i virksomhetens planer og budsjett.', ['forankring', 'plan-budsjett-og-finansiering']),
  s('rom-og-utstyr', 'indre', 'Vi har, eller kan skaffe, et egnet rom og instrumenter.', ['rom-og-instrumenter']),
  s('kolleger-positive', 'personer', 'Kollegene som skal samarbeide med musikkterapeuten, er positive til tilbudet.', ['samarbeid', 'forankring']),
  s('brukere-med', 'personer', 'Brukere eller erfaringskonsulenter er med i planleggingen.', ['brukermedvirkning-og-erfaringskonsulenter']),
  s('vet-kompetansekrav', 'personer', 'Vi vet hvilken kompetanse vi skal kreve, og hvordan vi skal rekruttere.', ['kompetanse-og-rekruttering']),
  s('ansvarlig-utpekt', 'prosess', 'En navngitt person har ansvar for å drive etableringen framover.', ['forankring']),
  s('plan-for-evaluering', 'prosess', 'Vi har en plan for hvordan tilbudet skal dokumenteres og evalueres.', ['evaluering', 'dokumentasjon']),
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
