// Masks ID numbers and phone numbers in anything about to be logged or shown: by field name,
// and by pattern inside free text (an 18-character resident ID, a long phone number).

/** Keeps the first 6 characters (the region) and the last 4: "110105********002X". */
export function maskResidentId(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/**
 * Keeps the last 4 characters and at most the first 6, always hiding at least 4 in between:
 * "+8613800000000" -> "+86138****0000", "13800000000" -> "138****0000". Shorter than 8
 * characters, everything is hidden.
 */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '*'.repeat(phone.length);
  const kept = Math.min(6, phone.length - 8);
  return `${phone.slice(0, kept)}${'*'.repeat(phone.length - kept - 4)}${phone.slice(-4)}`;
}

const ID_FIELDS = new Set(['idnumber', 'payeridnumber']);
const PHONE_FIELDS = new Set(['phone']);
const RESIDENT_ID_IN_TEXT = /\b(\d{6})\d{8}(\d{3}[\dXx])\b/g;
/** A PRC mobile number, with or without +86, standing alone (not inside a longer number or word). */
const PHONE_IN_TEXT = /(?<![\w+])(\+?86)?(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export function maskText(text: string): string {
  return text.replace(RESIDENT_ID_IN_TEXT, (_, head, tail) => `${head}********${tail}`).replace(PHONE_IN_TEXT, (_, country = '', head, tail) => `${country}${head}****${tail}`);
}

export function maskPersonalData(value: unknown, depth = 0): unknown {
  if (depth > 8) return value;
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map((item) => maskPersonalData(item, depth + 1));
  if (value === null || typeof value !== 'object' || value instanceof Error || Buffer.isBuffer(value)) return value;
  const masked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const name = key.toLowerCase();
    if (typeof field === 'string' && ID_FIELDS.has(name)) masked[key] = maskResidentId(field);
    else if (typeof field === 'string' && PHONE_FIELDS.has(name)) masked[key] = maskPhone(field);
    else masked[key] = maskPersonalData(field, depth + 1);
  }
  return masked;
}
