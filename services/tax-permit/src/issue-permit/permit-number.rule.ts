// The import permit's number (CONTRACT 4.4): "IP", the year of issue in China time, and a
// sequence number padded to 8 digits, e.g. IP202600000042. The sequence never repeats, so
// neither does the number.

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const SEQUENCE_DIGITS = 8;

export function permitNumberOf(issuedAt: Date, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`permit sequence ${sequence} must be a positive integer`);
  const year = new Date(issuedAt.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
  return `IP${year}${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}
