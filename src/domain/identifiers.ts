// Check-character validation of 统一社会信用代码 (GB 32100-2015) and 居民身份证号 (GB 11643-1999).
// Every external system rejects a bad code, so the hub refuses it first and names the rule broken.

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export type IdentifierRule =
  | 'LENGTH'
  | 'CHARSET'
  | 'CHECK_CHARACTER'
  | 'BIRTH_DATE'
  | 'REGION';

export interface IdentifierProblem {
  rule: IdentifierRule;
  message: string;
}

/** The 18th character of a USCC whose first 17 characters are given (all from the alphabet). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

/** The 18th character of an ID number whose first 17 digits are given. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** Null when valid; otherwise the rule that fails. No normalisation: lower case is refused. */
export function validateUscc(code: string): IdentifierProblem | null {
  if (code.length !== 18) {
    return { rule: 'LENGTH', message: `must be 18 characters, got ${code.length}` };
  }
  for (const ch of code) {
    if (!USCC_ALPHABET.includes(ch)) {
      return {
        rule: 'CHARSET',
        message: `contains "${ch}"; only digits and upper-case letters except I, O, S, V, Z are allowed`,
      };
    }
  }
  if (!/^[0-9]{6}$/.test(code.slice(2, 8))) {
    return { rule: 'REGION', message: 'positions 3–8 (region code) must be digits' };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return { rule: 'CHECK_CHARACTER', message: `check character is "${code[17]}", expected "${expected}"` };
  }
  return null;
}

/** Null when valid; `today` bounds the birth date (a birth date in the future is refused). */
export function validateIdNumber(code: string, today: Date = new Date()): IdentifierProblem | null {
  if (code.length !== 18) {
    return { rule: 'LENGTH', message: `must be 18 characters (15-digit numbers are not accepted), got ${code.length}` };
  }
  if (!/^[0-9]{17}[0-9X]$/.test(code)) {
    return { rule: 'CHARSET', message: 'must be 17 digits followed by a digit or an upper-case X' };
  }
  const year = Number(code.slice(6, 10));
  const month = Number(code.slice(10, 12));
  const day = Number(code.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const real = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!real || year < 1900) {
    return { rule: 'BIRTH_DATE', message: `birth date ${code.slice(6, 14)} does not exist` };
  }
  // Compare calendar dates in Asia/Shanghai, where the ID was issued, not instants in UTC.
  const shanghaiToday = new Date(today.getTime() + 8 * 3600_000);
  const todayDate = Date.UTC(shanghaiToday.getUTCFullYear(), shanghaiToday.getUTCMonth(), shanghaiToday.getUTCDate());
  if (birth.getTime() > todayDate) {
    return { rule: 'BIRTH_DATE', message: `birth date ${code.slice(6, 14)} is in the future` };
  }
  const expected = idNumberCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return { rule: 'CHECK_CHARACTER', message: `check character is "${code[17]}", expected "${expected}"` };
  }
  return null;
}

export type PartyCodeKind = 'ORGANISATION' | 'PERSON';

/**
 * Decides whether a party code is an ID number or a USCC: whichever validates wins; when
 * neither does, an 18-character code of 17 digits and a digit/X whose 7th–8th characters
 * start a plausible birth year is reported against the ID number rules.
 */
export function validatePartyCode(code: string, today?: Date): { kind: PartyCodeKind; problem: IdentifierProblem | null } {
  const asPerson = validateIdNumber(code, today);
  if (asPerson === null) return { kind: 'PERSON', problem: null };
  const asOrganisation = validateUscc(code);
  if (asOrganisation === null) return { kind: 'ORGANISATION', problem: null };
  const looksPersonal = /^[1-9][0-9]{16}[0-9Xx]$/.test(code) && /^(18|19|20)/.test(code.slice(6, 8));
  return looksPersonal ? { kind: 'PERSON', problem: asPerson } : { kind: 'ORGANISATION', problem: asOrganisation };
}
