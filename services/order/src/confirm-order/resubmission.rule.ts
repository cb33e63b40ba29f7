// What a second order-placed for a known platformId/orderId means (CONTRACT 2): the same
// content changes nothing; different content conflicts, unless intake rejected the first one,
// in which case the corrected order starts afresh.
import { INTAKE_REJECTIONS, RejectionReason } from '@cbec/contracts';

export type Resubmission = 'new' | 'same-content' | 'conflict' | 'corrected';

export function judgeResubmission(existing: { contentHash: string; reasonCode: RejectionReason | null } | null, contentHash: string): Resubmission {
  if (!existing) return 'new';
  if (existing.contentHash === contentHash) return 'same-content';
  if (existing.reasonCode && INTAKE_REJECTIONS.includes(existing.reasonCode)) return 'corrected';
  return 'conflict';
}
