import { formatNumber as formatInStyle, localeTag } from '../../platform/i18n/index.ts';
// Numbers and times on screen in the reader's style, Europe/Oslo.


/** 425000 → "425 000 kr" (rounded to whole kroner: the inputs are estimates) */
export const formatKroner = (value: number) => `${formatInStyle(Math.round(value), { maximumFractionDigits: 0 })} kr`;
export const formatNumber = (value: number) => formatInStyle(value, { maximumFractionDigits: 1 });

export function formatDateTime(value: Date | string): string {
  return new Intl.DateTimeFormat(localeTag(), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' }).format(new Date(value));
}
