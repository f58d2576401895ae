import { dateShape, isRealDate } from '../oslo-time.ts';

// A date typed in a form field, as Norwegians write it or as ISO, checked to exist.
/** "1.3.2027" or "2027-03-01" → "2027-03-01"; null for blank; undefined when it is no real date. */
export function normaliseDate(value: string): string | null | undefined {
  if (value.trim() === '') return null;
  const shaped = dateShape(value);
  return shaped && isRealDate(shaped) ? shaped : undefined;
}
