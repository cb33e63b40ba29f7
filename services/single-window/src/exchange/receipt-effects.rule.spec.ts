import type { Receipt } from '@cbec/single-window';
import { receiptEffects, returnTimeOf } from './receipt-effects.rule';

const waiting = { invtNo: null, cancellationReason: null, cancellationSent: false };
const inventoryReturn = (returnStatus: string, extra: Partial<Receipt> = {}): Receipt =>
  ({ messageType: 'CEB622', guid: 'G', copNo: 'CBEC2026000000000001', preNo: 'I20261234567890123', returnStatus, returnTime: '20261204120000000', returnInfo: 'ok', ...extra }) as Receipt;

describe('what a receipt changes for the Single Window service (CONTRACT 8.4)', () => {
  it('records the preNo of 1, 2, 3 and the invtNo of a 120', () => {
    expect(receiptEffects(waiting, inventoryReturn('2'))).toEqual({ preNo: 'I20261234567890123', sendCancellation: false, refused: false });
    expect(receiptEffects(waiting, inventoryReturn('120', { invtNo: '290120261000000001' } as Partial<Receipt>))).toMatchObject({ invtNo: '290120261000000001', sendCancellation: false });
  });

  it('sends the cancellation that waited once customs gives its invtNo, once', () => {
    const cancelled = { ...waiting, cancellationReason: 'changed my mind' };
    expect(receiptEffects(cancelled, inventoryReturn('120', { invtNo: '290120261000000001' } as Partial<Receipt>)).sendCancellation).toBe(true);
    expect(receiptEffects({ ...cancelled, cancellationSent: true }, inventoryReturn('120', { invtNo: '290120261000000001' } as Partial<Receipt>)).sendCancellation).toBe(false);
    expect(receiptEffects({ ...cancelled, invtNo: '290120261000000001' }, inventoryReturn('120', { invtNo: '290120261000000001' } as Partial<Receipt>)).sendCancellation).toBe(false);
  });

  it('marks the answered message refused on a 4 or a negative status, of any receipt', () => {
    expect(receiptEffects(waiting, inventoryReturn('-1')).refused).toBe(true);
    expect(receiptEffects(waiting, inventoryReturn('4')).refused).toBe(true);
    expect(receiptEffects(waiting, { ...inventoryReturn('-2'), messageType: 'CEB624' } as Receipt).refused).toBe(true);
    expect(receiptEffects(waiting, inventoryReturn('800')).refused).toBe(false);
  });

  it('records a CEB816 as the tax bill, not yet compared', () => {
    const bill: Receipt = { messageType: 'CEB816', guid: 'T', invtNo: 'X', taxNo: 'TAX1', customsTax: '0', valueAddedTax: '44.75', consumptionTax: '51.64', returnTime: '20261204120000000', status: '1' };
    expect(receiptEffects(waiting, bill)).toEqual({ sendCancellation: false, refused: false, taxBill: { taxNo: 'TAX1', customsTax: '0', valueAddedTax: '44.75', consumptionTax: '51.64', matchesAssessment: null } });
  });

  it('reads customs\' returnTime as China time', () => {
    expect(returnTimeOf('20261204200000123')).toBe('2026-12-04T12:00:00.123Z');
    expect(returnTimeOf('20261204200000')).toBe('2026-12-04T12:00:00.000Z');
    expect(returnTimeOf('yesterday')).toBeNull();
  });
});
