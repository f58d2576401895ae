/**
 * Control characters (C0, DEL and C1): never in a name, an address, a link or a path anyone
 * typed. NUL is refused for every request by the input guard; the others are refused where a
 * value is taken in, since browsers strip some of them and CR/LF would split a header.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export const hasControlCharacter = (value: string): boolean => CONTROL_CHARACTERS.test(value);

/** An email address as it is compared and stored: trimmed, lower case. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
