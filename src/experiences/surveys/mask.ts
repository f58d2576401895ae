// Likely identifiers in free text, masked before an editor reads it: e-mail addresses, phone
// numbers (8 digits, optionally with a country code and spaces), and capitalised words inside a
// sentence (likely names). A name that opens a sentence is not caught: the page says that text is
// masked "where it looks like" an identifier, and free text is never published.

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g;
const PHONE = /(?:\+?\d{2}[\s-]?)?(?:\d[\s-]?){7}\d/g;
const CAPITALISED = /(?<=[\p{L}\p{N},;:)»"]\s+)\p{Lu}[\p{L}'-]*/gu;

export function maskIdentifiers(text: string, mask: string): string {
  return text.replace(EMAIL, mask).replace(PHONE, mask).replace(CAPITALISED, mask);
}
