import { headingId } from '../../handbook/index.ts';
import { RESERVED_SLUGS } from './forms.ts';

/** A course's address from its title, as the handbook makes heading ids ("Kurs for ledere" → "kurs-for-ledere"). */
export function headingSlug(title: string): string {
  const slug = headingId(title).slice(0, 72).replace(/-+$/, '') || 'kurs';
  return RESERVED_SLUGS.has(slug) ? `${slug}-kurs` : slug;
}
