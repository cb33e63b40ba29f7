// Times as the Single Window writes them: China time (UTC+8, no daylight saving), digits only.
import type { OutMessageType, ReceiptType } from './message-types';

const CHINA_OFFSET_MS = 8 * 3_600_000;

export type ChinaTimeFormat = 'yyyyMMddHHmmss' | 'yyyyMMdd' | 'yyyyMMddHHmmssSSS';

/** `at` in China time: appTime (yyyyMMddHHmmss), declTime (yyyyMMdd), returnTime (yyyyMMddHHmmssSSS). */
export function chinaTime(at: Date, format: ChinaTimeFormat): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('chinaTime of an invalid date');
  // The ISO string of the instant shifted by 8 hours reads China's wall clock in its UTC fields.
  const digits = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().replace(/\D/g, '');
  return digits.slice(0, format.length);
}

/** The instant of a China-time stamp (returnTime, appTime), or undefined when it is not one. */
export function fromChinaTime(stamp: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})?$/.exec(stamp);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, millis = '000'] = match;
  const at = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}+08:00`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** `<type>_<copNo>_<yyyyMMddHHmmssSSS>.xml`: how a message file is named in the exchange folders (CONTRACT 8.4). */
export function messageFileName(type: OutMessageType | ReceiptType, copNo: string, at: Date): string {
  return `${type}_${copNo}_${chinaTime(at, 'yyyyMMddHHmmssSSS')}.xml`;
}
