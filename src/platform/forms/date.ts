// A date typed in a form field, as Norwegians write it or as ISO, checked to exist.
/** "1.3.2027" or "2027-03-01" → "2027-03-01"; null for blank; undefined when it is no real date. */
export function normaliseDate(value: string): string | null | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const iso = norwegian ? `${norwegian[3]}-${norwegian[2]!.padStart(2, '0')}-${norwegian[1]!.padStart(2, '0')}` : trimmed;
  const date = new Date(`${iso}T12:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}
