import type { CustomsReceiptData } from '@cbec/contracts';
import type { ReviewPlan } from '@cbec/domain';
import type { InspectionStatus } from '../persistence/inspection.entity';
import { judgeCustomsReceipt } from './customs-receipt.rule';

const customsDecides: ReviewPlan = { outcome: 'PROCEED', quarantine: false, proofRequired: [], heldForReview: false, customsDecides: true };
const builtIn: ReviewPlan = { outcome: 'PROCEED', quarantine: false, proofRequired: [], heldForReview: false };
const review = (status: InspectionStatus, plan: ReviewPlan = customsDecides) => ({ status, plan });
const receipt = (returnStatus: string, extra: Partial<CustomsReceiptData> = {}) => ({ messageType: 'CEB622' as const, returnStatus, returnInfo: `info ${returnStatus}`, ...extra });
const kindOf = (status: InspectionStatus, returnStatus: string) => judgeCustomsReceipt(review(status), receipt(returnStatus)).kind;

describe('what a customs receipt does to a review customs decides (CONTRACT 8.4)', () => {
  it.each([
    ['2', 'UNDER_REVIEW', 'NOTHING'],
    ['300', 'UNDER_REVIEW', 'HOLD'],
    ['500', 'UNDER_REVIEW', 'HOLD'],
    ['500', 'HELD_FOR_REVIEW', 'NOTHING'],
    ['399', 'UNDER_REVIEW', 'APPROVE'],
    ['800', 'HELD_FOR_REVIEW', 'APPROVE'],
    ['800', 'APPROVED', 'NOTHING'],
    ['100', 'UNDER_REVIEW', 'REJECT'],
    ['700', 'HELD_FOR_REVIEW', 'REJECT'],
    ['100', 'REJECTED', 'NOTHING'],
    ['500', 'CANCELLED', 'NOTHING'],
    ['899', 'UNDER_REVIEW', 'NOTHING'],
    ['4', 'UNDER_REVIEW', 'NOTHING'],
    ['-1', 'UNDER_REVIEW', 'NOTHING'],
  ] as [string, InspectionStatus, string][])('%s while %s: %s', (code, status, kind) => {
    expect(kindOf(status, code)).toBe(kind);
  });

  it('makes the invtNo of a 120 the declaration number', () => {
    expect(judgeCustomsReceipt(review('UNDER_REVIEW'), receipt('120', { invtNo: '290120261234567890' }))).toEqual({ kind: 'DECLARATION_NUMBER', invtNo: '290120261234567890' });
  });

  it('rejects with the reason of the code and customs\' text', () => {
    expect(judgeCustomsReceipt(review('UNDER_REVIEW'), receipt('100', { returnInfo: 'itemRecordNo missing on line 1' }))).toEqual({
      kind: 'REJECT',
      reasonCode: 'CUSTOMS_RETURNED',
      details: [{ field: 'customs.returnInfo', message: 'itemRecordNo missing on line 1' }],
    });
    expect(judgeCustomsReceipt(review('UNDER_REVIEW'), receipt('503'))).toMatchObject({ kind: 'REJECT', reasonCode: 'CUSTOMS_DETAINED' });
  });

  it('leaves reviews the built-in rules decide, other receipts and unknown orders alone', () => {
    expect(judgeCustomsReceipt(review('UNDER_REVIEW', builtIn), receipt('800')).kind).toBe('NOTHING');
    expect(judgeCustomsReceipt(review('UNDER_REVIEW'), { ...receipt('100'), messageType: 'CEB624' }).kind).toBe('NOTHING');
    expect(judgeCustomsReceipt(undefined, receipt('800')).kind).toBe('NOTHING');
  });
});
