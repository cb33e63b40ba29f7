// How the translator tells the platform of after-sale events (CONTRACT 7): the cancellation's
// status and its cancelled.v1, return notices that change no status, and nothing after a final status.
import { INSPECTION_EVENTS, LOGISTICS_EVENTS, NOTICE_EVENTS, OUTBOUND_EVENTS, STATUS_EVENTS, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { CloudEvent, createEvent } from '@cbec/messaging';
import { applyEvent, initialState, kindOf, OrderState } from './outbound-data.rule';
import { judgeArrival, planDelivery } from './step-order.rule';

const ref = { platformId: 'tmall-global', orderId: 'TG-1' };
const time = '2026-11-11T08:00:00.000Z';
const eventOf = (type: string, step: number, data: Record<string, unknown> = {}, id?: string): CloudEvent =>
  createEvent({ id, type, source: '/services/x', subject: 'tmall-global/TG-1', data: { ...ref, clearanceModel: 'BONDED_ZONE', ...data }, step, time });
const state = (patch: Partial<OrderState> = {}): OrderState => ({ ...initialState(ref), status: 'TAX_ASSESSED', clearanceModel: 'BONDED_ZONE', step: 8, sequence: 9, ...patch });
const cancellation = { notice: { reason: 'changed my mind', cancelledAt: time, refund: { assessmentId: 'TA-1', amount: '96.39' } } };
const returnNotice = { notice: { returnId: 'R-1', items: [{ sku: 'A', quantity: 1 }], refund: { duty: '0.00', consumptionTax: '1.00', vat: '2.00', total: '3.00' }, quotaGivenBack: '10.00' } };

describe('kindOf: after-sale', () => {
  it('knows the cancellations as status events and the confirmations and returns as notices', () => {
    for (const type of [INSPECTION_EVENTS.cancelled, TAX_PERMIT_EVENTS.cancelled, LOGISTICS_EVENTS.cancelled, LOGISTICS_EVENTS.returned]) expect(kindOf(type)).toBe('status');
    for (const type of Object.keys(NOTICE_EVENTS)) expect(kindOf(type)).toBe('notice');
    expect(kindOf(LOGISTICS_EVENTS.cancellationForwarded)).toBeUndefined();
    expect(kindOf(TAX_PERMIT_EVENTS.annualTotalChanged)).toBeUndefined();
  });
});

describe('a cancellation', () => {
  it('tells status-changed to CANCELLED without a reasonCode, then cancelled.v1 with the refund, numbered on', () => {
    const plan = planDelivery(state(), eventOf(TAX_PERMIT_EVENTS.cancelled, 9, cancellation), [eventOf(TAX_PERMIT_EVENTS.cancellationConfirmed, 9, cancellation)]);
    expect(plan.messages.map((m) => m.type)).toEqual([OUTBOUND_EVENTS.statusChanged, OUTBOUND_EVENTS.cancelled]);
    expect(plan.messages[0].data).toEqual({ ...ref, clearanceModel: 'BONDED_ZONE', status: 'CANCELLED', previousStatus: 'TAX_ASSESSED', at: time, sequence: 10 });
    expect(plan.messages[1].data).toEqual({ ...ref, clearanceModel: 'BONDED_ZONE', status: 'CANCELLED', at: time, sequence: 11, ...cancellation.notice });
    expect(plan.state).toMatchObject({ status: 'CANCELLED', step: 9, sequence: 11 });
  });

  it('holds the confirmation back when it arrives before its CANCELLED', () => {
    expect(planDelivery(state(), eventOf(LOGISTICS_EVENTS.cancellationConfirmed, 9, cancellation), []).arrival).toBe('hold');
  });

  it('keeps any later status from the platform: no message, no sequence number', () => {
    const cancelled = state({ status: 'CANCELLED', step: 9, sequence: 11 });
    const late = applyEvent(cancelled, eventOf(TAX_PERMIT_EVENTS.taxPaid, 10));
    expect(late.messages).toEqual([]);
    expect(late.state).toMatchObject({ status: 'CANCELLED', sequence: 11 });
  });

  it('still tells refusals after CANCELLED, with the status CANCELLED', () => {
    const cancelled = state({ status: 'CANCELLED', step: 9, sequence: 11 });
    const refusal = eventOf(TAX_PERMIT_EVENTS.requestRefused, 9, { refusedEventId: 'e', refusedType: 't', reasonCode: 'UNEXPECTED_EVENT', message: 'm' });
    expect(applyEvent(cancelled, refusal).messages[0].data).toMatchObject({ status: 'CANCELLED', reasonCode: 'UNEXPECTED_EVENT', sequence: 12 });
  });
});

describe('returns', () => {
  const completed = state({ status: 'COMPLETED', step: 13, sequence: 14 });

  it('tells return-accepted and a partial return-completed with the status unchanged, at the step they saw', () => {
    const accepted = applyEvent(completed, eventOf(LOGISTICS_EVENTS.returnAccepted, 13, { notice: { returnId: 'R-1', items: [], returnTo: { name: 'n', address: 'a' }, returnBy: time } }));
    expect(accepted.messages).toEqual([{ type: OUTBOUND_EVENTS.returnAccepted, data: { ...ref, clearanceModel: 'BONDED_ZONE', status: 'COMPLETED', at: time, sequence: 15, returnId: 'R-1', items: [], returnTo: { name: 'n', address: 'a' }, returnBy: time } }]);
    expect(accepted.state).toMatchObject({ status: 'COMPLETED', step: 13, sequence: 15 });
    expect(judgeArrival(13, { kind: 'notice', step: 13 })).toBe('apply');
    expect(judgeArrival(12, { kind: 'notice', step: 13 })).toBe('hold');
  });

  it('tells status-changed to RETURNED and then the last return-completed', () => {
    const plan = planDelivery(completed, eventOf(LOGISTICS_EVENTS.returned, 14, returnNotice), [eventOf(LOGISTICS_EVENTS.returnCompleted, 14, returnNotice)]);
    expect(plan.messages.map((m) => [m.type, m.data.status, m.data.sequence])).toEqual([
      [OUTBOUND_EVENTS.statusChanged, 'RETURNED', 15],
      [OUTBOUND_EVENTS.returnCompleted, 'RETURNED', 16],
    ]);
    expect(plan.messages[1].data).toMatchObject(returnNotice.notice);
  });

  it('is the only way into RETURNED, from a status event of logistics', () => {
    expect(STATUS_EVENTS[LOGISTICS_EVENTS.returned]).toEqual({ status: 'RETURNED', service: 'logistics' });
  });
});
