import { writeFileSync } from 'node:fs';
import { taxonomyMarkdown } from '../src/directory/taxonomy-doc.ts';

writeFileSync(new URL('../docs/taxonomy.md', import.meta.url), taxonomyMarkdown());
console.log('Wrote docs/taxonomy.md');
