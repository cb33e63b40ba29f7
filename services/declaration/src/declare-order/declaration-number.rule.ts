// The declaration number: `CBEC`, the year (China time, UTC+8) and the sequence value in 12
// digits, e.g. CBEC2026000000000001. The sequence never restarts, so numbers stay unique across years.

const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
const SEQUENCE_DIGITS = 12;

export function formatDeclarationNumber(sequenceValue: string | number | bigint, at: Date): string {
  const value = String(sequenceValue);
  if (!/^[1-9]\d*$/.test(value) || value.length > SEQUENCE_DIGITS) {
    throw new RangeError(`declaration sequence value must be a positive integer of at most ${SEQUENCE_DIGITS} digits, got "${value}"`);
  }
  const year = new Date(at.getTime() + CHINA_UTC_OFFSET_MS).getUTCFullYear();
  return `CBEC${year}${value.padStart(SEQUENCE_DIGITS, '0')}`;
}
