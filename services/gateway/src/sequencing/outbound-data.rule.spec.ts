import {
  INSPECTION_EVENTS,
  LOGISTICS_EVENTS,
  ORDER_EVENTS,
  OUTBOUND_EVENTS,
  rejection,
  STATUS_EVENTS,
  TAX_PERMIT_EVENTS,
  TaxAssessmentNotice,
} from '@cbec/contracts';
import { aTaxAssessmentNotice } from '@cbec/testing';
import { createEvent } from '@cbec/messaging';
import { applyEvent, initialState, kindOf, OrderState } from './outbound-data.rule';

const ref = { platformId: 'tmall-global', orderId: 'TG-1' };
const time = '2026-11-11T08:00:00.000Z';
const eventOf = (type: string, data: Record<string, unknown>, step = 1) => createEvent({ type, source: '/services/x', subject: 'tmall-global/TG-1', data: { ...ref, ...data }, step, time });
const state = (patch: Partial<OrderState> = {}): OrderState => ({ ...initialState(ref), status: 'APPROVED', clearanceModel: 'GENERAL_TRADE', step: 4, sequence: 4, ...patch });

describe('kindOf', () => {
  it('knows every status event and refusal of the contracts, and nothing else', () => {
    expect(kindOf(INSPECTION_EVENTS.approved)).toBe('status');
    expect(kindOf(LOGISTICS_EVENTS.pickupExpired)).toBe('status');
    expect(kindOf(ORDER_EVENTS.requestRefused)).toBe('refusal');
    expect(kindOf(TAX_PERMIT_EVENTS.tariffChanged)).toBeUndefined();
    expect(kindOf(INSPECTION_EVENTS.proofReceived)).toBe('status');
  });
});

describe('applyEvent: a status event', () => {
  it('tells the first status of an order as a change from RECEIVED, with the model of the event', () => {
    const { state: next, messages } = applyEvent(initialState(ref), eventOf(ORDER_EVENTS.orderConfirmed, { clearanceModel: 'BONDED_ZONE', order: {} }));
    expect(messages).toEqual([
      {
        type: OUTBOUND_EVENTS.statusChanged,
        data: { ...ref, clearanceModel: 'BONDED_ZONE', status: 'ORDER_CONFIRMED', previousStatus: 'RECEIVED', at: time, sequence: 1 },
      },
    ]);
    expect(next).toEqual({ ...ref, status: 'ORDER_CONFIRMED', clearanceModel: 'BONDED_ZONE', step: 1, sequence: 1 });
  });

  it('keeps the model it knows when an event carries none', () => {
    const { messages } = applyEvent(state(), eventOf(TAX_PERMIT_EVENTS.taxPaid, { clearanceModel: null }, 6));
    expect(messages[0].data.clearanceModel).toBe('GENERAL_TRADE');
  });

  it('keeps a null model for an order rejected at intake with no valid model', () => {
    const { state: next, messages } = applyEvent(initialState(ref), eventOf(ORDER_EVENTS.orderRejected, { ...rejection(ref, null, 'INVALID_ORDER', [{ field: 'clearanceModel', message: 'unknown' }]) }));
    expect(messages.map((m) => m.data.clearanceModel)).toEqual([null, null]);
    expect(next.clearanceModel).toBeNull();
  });

  it('continues an order corrected after an intake rejection: REJECTED -> ORDER_CONFIRMED with the next sequence', () => {
    const rejected = state({ status: 'REJECTED', clearanceModel: null, step: 1, sequence: 2 });
    const { messages } = applyEvent(rejected, eventOf(ORDER_EVENTS.orderConfirmed, { clearanceModel: 'DIRECT_MAIL' }, 2));
    expect(messages[0].data).toMatchObject({ status: 'ORDER_CONFIRMED', previousStatus: 'REJECTED', clearanceModel: 'DIRECT_MAIL', sequence: 3 });
  });

  it('carries no reasonCode on a change to anything but REJECTED', () => {
    const { messages } = applyEvent(state(), eventOf(TAX_PERMIT_EVENTS.taxPaid, { reasonCode: 'stray' }, 5));
    expect(messages[0].data).not.toHaveProperty('reasonCode');
  });

  it.each(Object.entries(STATUS_EVENTS).filter(([, { status }]) => !['PROOF_REQUESTED', 'TAX_ASSESSED', 'READY_FOR_PICKUP', 'OUT_FOR_DELIVERY', 'REJECTED', 'COMPLETED'].includes(status)))(
    'tells %s with status-changed alone',
    (type, { status }) => {
      const { state: next, messages } = applyEvent(state(), eventOf(type, {}, 5));
      expect(messages.map((m) => m.type)).toEqual([OUTBOUND_EVENTS.statusChanged]);
      expect(messages[0].data).toMatchObject({ status, previousStatus: 'APPROVED', sequence: 5 });
      expect(next).toMatchObject({ status, step: 5, sequence: 5 });
    },
  );
});

describe('applyEvent: the notice after status-changed', () => {
  const assessment = aTaxAssessmentNotice({ lines: [{ sku: 'WINE', dutiableValue: '335.00', duty: '46.90', consumptionTax: '42.43', vat: '55.16' }] });

  it.each([
    ['proof-requested', INSPECTION_EVENTS.proofRequested, 'PROOF_REQUESTED', OUTBOUND_EVENTS.proofRequested, { requestedDocuments: ['INVOICE', 'TRANSACTION_RECORD'], question: 'Why so cheap?', dueBy: '2026-11-14T08:00:00.000Z' }],
    ['tax-assessed', TAX_PERMIT_EVENTS.taxAssessed, 'TAX_ASSESSED', OUTBOUND_EVENTS.taxAssessed, assessment],
    ['pickup-ready', LOGISTICS_EVENTS.readyForPickup, 'READY_FOR_PICKUP', OUTBOUND_EVENTS.pickupReady, { location: { name: 'Hangzhou bonded site', address: '1 Zone Rd' }, availableFrom: time, availableUntil: '2026-11-18T08:00:00.000Z', pickupCode: '482913' }],
    ['out-for-delivery', LOGISTICS_EVENTS.outForDelivery, 'OUT_FOR_DELIVERY', OUTBOUND_EVENTS.outForDelivery, { carrier: 'SF-INTL', waybillNumber: 'SF1234567890' }],
    ['completed (model I, no permit)', LOGISTICS_EVENTS.delivered, 'COMPLETED', OUTBOUND_EVENTS.completed, { declarationNumber: 'D-1', completedAt: time }],
    ['completed (models II and III)', LOGISTICS_EVENTS.delivered, 'COMPLETED', OUTBOUND_EVENTS.completed, { declarationNumber: 'D-1', permitNumber: 'P-1', completedAt: time }],
  ])('%s: the notice fields, after status-changed, with the next sequence', (_, type, status, noticeType, notice) => {
    const { state: next, messages } = applyEvent(state(), eventOf(type, { clearanceModel: 'GENERAL_TRADE', notice, declaration: { secret: 'not told' } }, 5));
    expect(messages).toEqual([
      { type: OUTBOUND_EVENTS.statusChanged, data: { ...ref, clearanceModel: 'GENERAL_TRADE', status, previousStatus: 'APPROVED', at: time, sequence: 5 } },
      { type: noticeType, data: { ...ref, clearanceModel: 'GENERAL_TRADE', status, at: time, sequence: 6, ...notice } },
    ]);
    expect(next).toMatchObject({ status, step: 5, sequence: 6 });
  });

  it.each([
    ['at intake', ORDER_EVENTS.orderRejected, 'PAYMENT_MISMATCH'],
    ['by customs', INSPECTION_EVENTS.rejected, 'PROHIBITED_GOODS'],
    ['at assessment', TAX_PERMIT_EVENTS.rejected, 'SINGLE_LIMIT_EXCEEDED'],
    ['when the pickup window expires', LOGISTICS_EVENTS.pickupExpired, 'PICKUP_EXPIRED'],
  ] as const)('rejected %s: reasonCode on status-changed, then rejected.v1 with reasonCode and details', (_, type, reasonCode) => {
    const details = [{ field: 'items[0]', message: 'why' }];
    const { messages } = applyEvent(state(), eventOf(type, { ...rejection(ref, 'GENERAL_TRADE', reasonCode, details) }, 5));
    expect(messages).toEqual([
      { type: OUTBOUND_EVENTS.statusChanged, data: { ...ref, clearanceModel: 'GENERAL_TRADE', status: 'REJECTED', previousStatus: 'APPROVED', reasonCode, at: time, sequence: 5 } },
      { type: OUTBOUND_EVENTS.rejected, data: { ...ref, clearanceModel: 'GENERAL_TRADE', status: 'REJECTED', at: time, sequence: 6, reasonCode, details } },
    ]);
  });

  it('does not let a notice overwrite the fields the translator owns', () => {
    const { messages } = applyEvent(state(), eventOf(LOGISTICS_EVENTS.outForDelivery, { notice: { carrier: 'SF', waybillNumber: 'W', sequence: 99, status: 'X', orderId: 'other' } }, 5));
    expect(messages[1].data).toMatchObject({ ...ref, status: 'OUT_FOR_DELIVERY', sequence: 6, carrier: 'SF' });
  });

  it('still tells the notice, with what it has, when the event carries no notice fields', () => {
    const { messages } = applyEvent(state(), eventOf(LOGISTICS_EVENTS.outForDelivery, {}, 5));
    expect(messages[1]).toEqual({ type: OUTBOUND_EVENTS.outForDelivery, data: { ...ref, clearanceModel: 'GENERAL_TRADE', status: 'OUT_FOR_DELIVERY', at: time, sequence: 6 } });
  });
});

describe('applyEvent: a refusal', () => {
  const refused = { refusedEventId: 'evt-9', refusedType: 'cbec.platform.tax-paid.v1', reasonCode: 'PAYMENT_AMOUNT_MISMATCH', message: 'the amount is not the assessed total' };

  it('tells request-refused with the status unchanged and the next sequence', () => {
    const { state: next, messages } = applyEvent(state({ status: 'TAX_ASSESSED', step: 5, sequence: 6 }), eventOf(TAX_PERMIT_EVENTS.requestRefused, refused, 5));
    expect(messages).toEqual([
      { type: OUTBOUND_EVENTS.requestRefused, data: { ...ref, clearanceModel: 'GENERAL_TRADE', status: 'TAX_ASSESSED', at: time, sequence: 7, ...refused } },
    ]);
    expect(next).toEqual(state({ status: 'TAX_ASSESSED', step: 5, sequence: 7 }));
  });

  it('carries the field errors of an invalid request', () => {
    const details = [{ field: 'documents[0].kind', message: 'must be one of INVOICE, ...' }];
    const { messages } = applyEvent(state(), eventOf(INSPECTION_EVENTS.requestRefused, { ...refused, reasonCode: 'INVALID_REQUEST', details }, 4));
    expect(messages[0].data).toMatchObject({ reasonCode: 'INVALID_REQUEST', details });
  });

  it('tells a refusal about an order it never saw as RECEIVED with no model', () => {
    const { state: next, messages } = applyEvent(initialState(ref), eventOf(LOGISTICS_EVENTS.requestRefused, { ...refused, reasonCode: 'UNEXPECTED_EVENT' }, 0));
    expect(messages[0].data).toMatchObject({ status: 'RECEIVED', clearanceModel: null, sequence: 1 });
    expect(next).toEqual({ ...initialState(ref), sequence: 1 });
  });
});
