// The three national guidelines that recommend music therapy (facts: shared DOMAIN.md "The problem"
// and data/evidence/README.md). Their summaries are in our own words, in the catalogue; the source
// link is the seeded library entry's URL. A grade only where a source gives one.
export const GUIDELINES = [
  { id: 'psychosis', key: 'hdir2013-is1957-psykose', grade: { recommendation: 'A', evidenceLevel: '1a' } },
  { id: 'rus', key: 'hdir2016-rus-behandling-rehabilitering', grade: null },
  { id: 'detox', key: 'hdir2016-is2211-avrusning', grade: null },
] as const;
