// What a second order-placed for a known platformId/orderId means (CONTRACT 2): the same
// content changes nothing; different content conflicts, unless intake rejected the first one,
// in which case the corrected order starts afresh.
import { createHash } from 'node:crypto';
import { INTAKE_REJECTIONS, RejectionReason } from '@cbec/contracts';

export type Resubmission = 'new' | 'same-content' | 'conflict' | 'corrected';

export function judgeResubmission(existing: { contentHash: string; reasonCode: RejectionReason | null } | null, contentHash: string): Resubmission {
  if (!existing) return 'new';
  if (existing.contentHash === contentHash) return 'same-content';
  if (existing.reasonCode && INTAKE_REJECTIONS.includes(existing.reasonCode)) return 'corrected';
  return 'conflict';
}

/** A hash of the content that ignores key order, so a re-serialized order is still the same order. */
export function contentHashOf(data: unknown): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
