/**
 * What a control's aria-describedby names: its hint (`<id>-hint`) and its error message
 * (`<id>-error`, or another suffix where a page's ids say so), when they are shown.
 */
export function describedBy(id: string, hint: boolean, error: string | undefined, errorSuffix = 'error'): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-${errorSuffix}` : ''].filter(Boolean).join(' ') || undefined;
}
