// Customs' receipts in the clearance view (CONTRACT 8.4, 8.5): a timeline entry each, the view's
// customs part, customs' invtNo as the declaration number, the tax bill compared with the
// assessment; never a status, and the same view whatever order the receipts come in.
import { CustomsTaxBill, DECLARATION_EVENTS, INSPECTION_EVENTS, LOGISTICS_EVENTS, ORDER_EVENTS, PLATFORM_EVENTS, rejection, SINGLE_WINDOW_EVENTS, STATUS_EVENTS, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { aTaxAssessmentNotice } from '@cbec/testing';
import { CloudEvent, createEvent } from '@cbec/messaging';
import { ClearanceRecord, emptyRecord } from './clearance-record';
import { customsCodeOf, receiptDetailsOf } from './customs.rule';
import { project, timelineKindOf } from './projection.rule';
import { arrangeTimeline } from './timeline-order.rule';

const ref = { platformId: 'tmall-global', orderId: 'TG-1' };
const T0 = Date.parse('2026-11-11T00:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function internal(type: string, step: number, seconds: number, data: Record<string, unknown> = {}): CloudEvent {
  return createEvent({ type, source: `/services/${STATUS_EVENTS[type]?.service ?? 'x'}`, subject: 'tmall-global/TG-1', data: { ...ref, clearanceModel: 'BONDED_ZONE', ...data }, step, time: at(seconds) });
}
const placed = (seconds: number) => ({ ...createEvent({ type: PLATFORM_EVENTS.orderPlaced, source: 'https://tmall.example', subject: 'tmall-global/TG-1', data: { ...ref, clearanceModel: 'BONDED_ZONE' }, time: at(seconds) }), correlationid: undefined });

/** A receipt customs wrote at `seconds`, published by the Single Window service a little later. */
function receipt(messageType: string, returnStatus: string, seconds: number, more: Record<string, unknown> = {}): CloudEvent {
  const data = { ...ref, clearanceModel: 'BONDED_ZONE', messageType, guid: `GUID-${messageType}-${returnStatus}-${seconds}`, copNo: 'HZ2026111100000001', returnStatus, returnInfo: `status ${returnStatus}`, at: at(seconds), ...more };
  return createEvent({ type: SINGLE_WINDOW_EVENTS.receiptRecorded, source: '/services/single-window', subject: 'tmall-global/TG-1', data, time: at(seconds + 0.5) });
}

const apply = (...events: CloudEvent[]): ClearanceRecord => events.reduce(project, emptyRecord(ref));

const declaration = { declarationNumber: 'HZ2026111100000001' };
const assessment = aTaxAssessmentNotice({ totals: { duty: '0.00', consumptionTax: '51.64', vat: '44.75', total: '96.39' } });
const bill = (patch: Partial<CustomsTaxBill> = {}): CustomsTaxBill => ({ taxNo: '5102202600000001', customsTax: '0.00', valueAddedTax: '44.75', consumptionTax: '51.64', matchesAssessment: null, ...patch });

/** A bonded-zone order up to its review, in step order as the translator applies them. */
const uptoReview = () => [placed(1), internal(ORDER_EVENTS.orderConfirmed, 1, 2), internal(DECLARATION_EVENTS.declarationSubmitted, 2, 3, { declaration }), internal(INSPECTION_EVENTS.reviewStarted, 3, 4, { declaration })];

describe('customs receipts in the read model', () => {
  it('reads receipt-recorded as a receipt', () => {
    expect(timelineKindOf(SINGLE_WINDOW_EVENTS.receiptRecorded)).toBe('receipt');
  });

  it('records a receipt as a customs-receipt entry of the single-window service, at customs\' time, with its code, type and returnInfo', () => {
    const event = receipt('CEB622', '120', 10, { invtNo: '29102026I000000001' });
    const record = apply(...uptoReview(), event);
    expect(record.timeline.at(-1)).toEqual({
      eventId: event.id,
      kind: 'receipt',
      type: 'customs-receipt',
      status: null,
      at: at(10),
      service: 'single-window',
      customsCode: 120,
      reasonCode: null,
      step: null,
      causationId: null,
      receipt: { messageType: 'CEB622', returnStatus: '120', returnInfo: 'status 120', guid: 'GUID-CEB622-120-10', invtNo: '29102026I000000001' },
    });
  });

  it.each([
    ['1', 'stored'],
    ['120', 'accepted'],
    ['300', 'manual review'],
    ['800', 'released'],
    ['100', 'returned by customs'],
    ['503', 'detained'],
    ['4', 'refused by the exchange'],
    ['-301010', 'refused by the exchange'],
  ])('never changes the status, the reason or the last move: %s (%s)', (returnStatus) => {
    const before = apply(...uptoReview());
    const after = project(before, receipt('CEB622', returnStatus, 10));
    expect(after.view).toMatchObject({ status: 'UNDER_REVIEW', reasonCode: null, updatedAt: before.view!.updatedAt, createdAt: before.view!.createdAt });
    expect(after.timeline.at(-1)!.customsCode).toBe(Number(returnStatus));
  });

  it('leaves a final status as it is, and still records the receipt', () => {
    const rejected = internal(INSPECTION_EVENTS.rejected, 4, 5, { ...rejection(ref, 'BONDED_ZONE', 'INSUFFICIENT_PROOF', []) });
    const record = apply(...uptoReview(), rejected, receipt('CEB622', '800', 10));
    expect(record.view).toMatchObject({ status: 'REJECTED', reasonCode: 'INSUFFICIENT_PROOF', customs: { lastReceipt: { returnStatus: '800' } } });
    expect(record.timeline.at(-1)!.kind).toBe('receipt');
  });

  it('shows customs\' numbers and its last receipt, by customs\' time whatever the arrival', () => {
    const record = apply(...uptoReview(), receipt('CEB622', '120', 20, { preNo: 'PRE-1', invtNo: 'INVT-1' }), receipt('CEB622', '2', 10, { preNo: 'PRE-1' }));
    expect(record.view!.customs).toEqual({ preNo: 'PRE-1', invtNo: 'INVT-1', lastReceipt: { messageType: 'CEB622', returnStatus: '120', returnInfo: 'status 120', at: at(20) } });
  });

  it('has no customs part before the first receipt', () => {
    expect(apply(...uptoReview()).view!.customs).toBeUndefined();
  });

  describe('customs\' invtNo as the declaration number', () => {
    const accepted = () => receipt('CEB622', '120', 10, { invtNo: '29102026I000000001' });

    it('makes a CEB622 120\'s invtNo the declaration number', () => {
      expect(apply(...uptoReview(), accepted()).view!.declarationNumber).toBe('29102026I000000001');
    });

    it('keeps it when later events carry the system\'s own number', () => {
      const record = apply(...uptoReview(), accepted(), internal(INSPECTION_EVENTS.approved, 4, 12, { declaration }), internal(TAX_PERMIT_EVENTS.taxAssessed, 5, 13, { declaration, notice: assessment }));
      expect(record.view).toMatchObject({ status: 'TAX_ASSESSED', declarationNumber: '29102026I000000001' });
    });

    it('takes it even when the receipt came before the declaration', () => {
      const [order, confirmed, declared, review] = uptoReview();
      expect(apply(order, confirmed, accepted(), declared, review).view!.declarationNumber).toBe('29102026I000000001');
    });

    it('takes no invtNo from a receipt that is not an inventory list\'s', () => {
      const record = apply(...uptoReview(), receipt('CEB624', '120', 10, { invtNo: 'NOT-A-LIST' }));
      expect(record.view!.declarationNumber).toBe(declaration.declarationNumber);
      expect(record.view!.customs!.invtNo).toBeUndefined();
    });
  });

  describe('the tax bill (CEB816)', () => {
    it('shows the bill as the Single Window service compared it while the order has no assessment', () => {
      const record = apply(...uptoReview(), receipt('CEB816', '1', 10, { taxBill: bill() }));
      expect(record.view!.customs!.taxBill).toEqual(bill({ matchesAssessment: null }));
      expect(record.timeline.at(-1)!.customsCode).toBe(1);
    });

    it('compares it with the assessment once the order is assessed, to the cent', () => {
      const assessed = internal(TAX_PERMIT_EVENTS.taxAssessed, 5, 20, { declaration, notice: assessment });
      const approved = internal(INSPECTION_EVENTS.approved, 4, 12, { declaration });
      expect(apply(...uptoReview(), receipt('CEB816', '1', 10, { taxBill: bill() }), approved, assessed).view!.customs!.taxBill!.matchesAssessment).toBe(true);
      expect(apply(...uptoReview(), approved, assessed, receipt('CEB816', '1', 10, { taxBill: bill({ valueAddedTax: '44.76', matchesAssessment: true }) })).view!.customs!.taxBill!.matchesAssessment).toBe(false);
    });

    it('shows the latest bill by customs\' time', () => {
      const record = apply(...uptoReview(), receipt('CEB816', '1', 20, { taxBill: bill({ taxNo: 'LATER' }) }), receipt('CEB816', '1', 10, { taxBill: bill({ taxNo: 'EARLIER' }) }));
      expect(record.view!.customs!.taxBill!.taxNo).toBe('LATER');
    });
  });

  it('keeps a receipt about an order not known yet, and shows it once the order is', () => {
    const early = apply(receipt('CEB622', '2', 10, { preNo: 'PRE-1' }));
    expect(early.view).toBeNull();
    const known = project(early, placed(1));
    expect(known.view).toMatchObject({ status: 'RECEIVED', createdAt: at(1), updatedAt: at(1), customs: { preNo: 'PRE-1', lastReceipt: { returnStatus: '2' } } });
  });

  it('changes nothing for a receipt it already has', () => {
    const event = receipt('CEB622', '2', 10);
    const once = apply(...uptoReview(), event);
    expect(project(once, event)).toBe(once);
  });

  it('gives the same view and timeline wherever the receipts fall among the order\'s events', () => {
    const statuses = [...uptoReview(), internal(INSPECTION_EVENTS.approved, 4, 16, { declaration }), internal(TAX_PERMIT_EVENTS.taxAssessed, 5, 17, { declaration, notice: assessment }), internal(LOGISTICS_EVENTS.dispatched, 6, 30)];
    const receipts = [receipt('CEB622', '2', 10, { preNo: 'PRE-1' }), receipt('CEB622', '120', 12, { preNo: 'PRE-1', invtNo: 'INVT-1' }), receipt('CEB622', '800', 15, { invtNo: 'INVT-1' }), receipt('CEB816', '1', 15, { taxBill: bill() })];
    const arrivals = [
      [...statuses, ...receipts],
      [...receipts, ...statuses],
      [...[...receipts].reverse(), ...statuses],
      [statuses[0], receipts[3], ...statuses.slice(1, 4), receipts[1], statuses[4], receipts[0], receipts[2], ...statuses.slice(5)],
    ];
    const shown = (record: ClearanceRecord) => ({ view: record.view, timeline: arrangeTimeline(record.timeline).map((entry) => entry.eventId) });
    const expected = shown(apply(...arrivals[0]));
    expect(expected.view).toMatchObject({ status: 'IN_TRANSIT', declarationNumber: 'INVT-1', customs: { preNo: 'PRE-1', invtNo: 'INVT-1', taxBill: { matchesAssessment: true } } });
    for (const arrival of arrivals.slice(1)) expect(shown(apply(...arrival))).toEqual(expected);
  });
});

describe('customsCodeOf', () => {
  it.each([
    ['120', 120],
    ['1', 1],
    ['-301010', -301010],
    ['899', 899],
    ['', null],
    ['12a', null],
    ['99999999999', null],
  ])('reads %p as %p', (returnStatus, code) => {
    expect(customsCodeOf(returnStatus)).toBe(code);
  });
});

describe('receiptDetailsOf', () => {
  it('keeps what the event says, and leaves out what it does not', () => {
    expect(receiptDetailsOf({ messageType: 'CEB900', guid: 'G', returnStatus: '-1', returnInfo: 'schema error' })).toEqual({ messageType: 'CEB900', guid: 'G', returnStatus: '-1', returnInfo: 'schema error' });
  });

  it('reads a field of the wrong kind as missing rather than stop the read model', () => {
    expect(receiptDetailsOf({ messageType: 7 as unknown as string, returnStatus: 120 as unknown as string, returnInfo: null as unknown as string, taxBill: { taxNo: 'T' } as CustomsTaxBill })).toEqual({
      messageType: '7',
      returnStatus: '120',
      returnInfo: '',
      guid: '',
    });
  });
});
