/**
 * Norwegian organisation number (Enhetsregisteret): nine digits, the last a modulus-11 check digit
 * with weights 3 2 7 6 5 4 3 2 over the first eight. A remainder giving check digit 10 is never issued.
 */
export function isValidOrganizationNumber(value: string): boolean {
  const digits = value.replace(/\s/g, '');
  if (!/^[0-9]{9}$/.test(digits)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[8]);
}

export const normaliseOrganizationNumber = (value: string): string => value.replace(/\s/g, '');
