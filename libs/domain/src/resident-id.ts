// PRC resident identity numbers (GB 11643-1999): the checks a consumer's idNumber must pass, and
// how an ID number or a phone number is shown in logs and in the read model.

const RESIDENT_ID_SHAPE = /^\d{17}[\dX]$/;
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1900;
/** Birth dates are compared with today's date in China time (UTC+8), where the IDs are issued. */
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function residentIdCheckCharacter(first17Digits: string): string {
  const sum = CHECK_WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17Digits[index]), 0);
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * What is wrong with a resident ID number, as a message for a field error, or undefined when it
 * is valid: 17 digits and a check character (a digit or an uppercase 'X', as GB 11643 writes
 * it; a lowercase 'x' is refused, like the order payload's format), the MOD 11-2 check, and a
 * birth date (characters 7-14, YYYYMMDD) that is a real calendar date from 1900 to today.
 */
export function residentIdProblem(id: string, today: Date = new Date()): string | undefined {
  if (!RESIDENT_ID_SHAPE.test(id)) return 'must be 17 digits followed by a digit or an uppercase X';
  if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) return 'has a wrong check character (ISO 7064 MOD 11-2)';
  if (!isPlausibleBirthDate(id.slice(6, 14), today)) return 'has no valid birth date (YYYYMMDD from 1900 to today)';
  return undefined;
}

export function isValidResidentId(id: string, today: Date = new Date()): boolean {
  return residentIdProblem(id, today) === undefined;
}

function isPlausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  const isCalendarDate = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isCalendarDate && year >= EARLIEST_BIRTH_YEAR && yyyymmdd <= chinaDate(today);
}

function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}
