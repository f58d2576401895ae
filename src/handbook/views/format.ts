// Numbers and times on screen, Norwegian style, Europe/Oslo.

const kroner = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });

/** 425000 → "425 000 kr" (rounded to whole kroner: the inputs are estimates) */
export const formatKroner = (value: number) => `${kroner.format(Math.round(value))} kr`;
export const formatNumber = (value: number) => decimal.format(value);

export function formatDateTime(value: Date | string): string {
  return new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' }).format(new Date(value));
}
