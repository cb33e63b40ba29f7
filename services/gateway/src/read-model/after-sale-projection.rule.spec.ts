// The clearance view of after-sale (CONTRACT 5, 7): the cancellation, the returns, their timeline
// entries with the customs codes 899 and 700, and nothing after a final status.
import { LOGISTICS_EVENTS, PLATFORM_EVENTS, STATUS_EVENTS, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { CloudEvent, createEvent } from '@cbec/messaging';
import { ClearanceRecord, emptyRecord } from './clearance-record';
import { project, timelineKindOf } from './projection.rule';
import { arrangeTimeline } from './timeline-order.rule';

const ref = { platformId: 'tmall-global', orderId: 'TG-1' };
const T0 = Date.parse('2026-11-11T00:00:00.000Z');
let clock = 0;
const at = () => new Date(T0 + ++clock * 1000).toISOString();
const internal = (type: string, step: number, data: Record<string, unknown> = {}, cause?: CloudEvent): CloudEvent =>
  createEvent({ type, source: `/services/${STATUS_EVENTS[type]?.service ?? 'logistics'}`, subject: 'tmall-global/TG-1', data: { ...ref, clearanceModel: 'BONDED_ZONE', ...data }, step, time: at(), cause });
const platform = (type: string, data: Record<string, unknown> = {}): CloudEvent => ({ ...createEvent({ type, source: 'https://tmall.example', subject: 'tmall-global/TG-1', data: { ...ref, ...data }, time: at() }), correlationid: undefined });
const apply = (...events: CloudEvent[]): ClearanceRecord => events.reduce(project, emptyRecord(ref));

const cancellation = { reason: 'changed my mind', cancelledAt: '2026-11-11T00:00:09.000Z', refund: { assessmentId: 'TA-1', amount: '96.39' } };
const returnTo = { name: 'Hangzhou bonded storage site', address: 'Xiasha' };
const accepted = (returnId: string) => ({ notice: { returnId, items: [{ sku: 'A', quantity: 1 }], returnTo, returnBy: '2027-01-04T02:00:00.000Z' } });
const completedReturn = (returnId: string) => ({ notice: { returnId, items: [{ sku: 'A', quantity: 1 }], refund: { duty: '0.00', consumptionTax: '1.00', vat: '2.00', total: '3.00' }, quotaGivenBack: '10.00' } });

beforeEach(() => {
  clock = 0;
});

describe('after-sale in the clearance view', () => {
  it('reads the confirmations and return notices as notices', () => {
    expect(timelineKindOf(LOGISTICS_EVENTS.returnAccepted)).toBe('notice');
    expect(timelineKindOf(TAX_PERMIT_EVENTS.cancellationConfirmed)).toBe('notice');
    expect(timelineKindOf(PLATFORM_EVENTS.cancelRequested)).toBe('platform');
  });

  it('shows a cancellation: CANCELLED with customs code 899, the data of cancelled.v1, and the request just before', () => {
    const request = platform(PLATFORM_EVENTS.cancelRequested, { reason: 'changed my mind' });
    const record = apply(
      internal(TAX_PERMIT_EVENTS.taxAssessed, 8),
      request,
      internal(TAX_PERMIT_EVENTS.cancelled, 9, { notice: cancellation }, request),
      internal(TAX_PERMIT_EVENTS.cancellationConfirmed, 9, { notice: cancellation }, request),
    );
    expect(record.view).toMatchObject({ status: 'CANCELLED', reasonCode: null, cancellation });
    expect(arrangeTimeline(record.timeline).map((e) => [e.type, e.status, e.customsCode])).toEqual([
      [TAX_PERMIT_EVENTS.taxAssessed, 'TAX_ASSESSED', null],
      [PLATFORM_EVENTS.cancelRequested, null, null],
      [TAX_PERMIT_EVENTS.cancelled, 'CANCELLED', 899],
      [TAX_PERMIT_EVENTS.cancellationConfirmed, null, null],
    ]);
  });

  it('applies no status after CANCELLED', () => {
    const record = apply(internal(TAX_PERMIT_EVENTS.cancelled, 9, { notice: cancellation }), internal(TAX_PERMIT_EVENTS.permitIssued, 10, { permitNumber: 'P-1' }));
    expect(record.view).toMatchObject({ status: 'CANCELLED', permitNumber: null });
    expect(record.timeline).toHaveLength(1);
  });

  it('lists the returns as accepted, then completed with their refund; RETURNED with 700 when every unit is back', () => {
    const delivered = internal(LOGISTICS_EVENTS.delivered, 13, { notice: { declarationNumber: 'D', completedAt: '2026-11-15T00:00:00.000Z' } });
    const partial = apply(delivered, internal(LOGISTICS_EVENTS.returnAccepted, 13, accepted('R-1')), internal(LOGISTICS_EVENTS.returnAccepted, 13, accepted('R-2')), internal(LOGISTICS_EVENTS.returnCompleted, 13, completedReturn('R-1')));
    expect(partial.view!.status).toBe('COMPLETED');
    expect(partial.view!.returns).toEqual([
      { returnId: 'R-1', items: [{ sku: 'A', quantity: 1 }], status: 'COMPLETED', returnTo, returnBy: '2027-01-04T02:00:00.000Z', refund: completedReturn('R-1').notice.refund },
      { returnId: 'R-2', items: [{ sku: 'A', quantity: 1 }], status: 'ACCEPTED', returnTo, returnBy: '2027-01-04T02:00:00.000Z' },
    ]);
    const all = [internal(LOGISTICS_EVENTS.returned, 14, completedReturn('R-2')), internal(LOGISTICS_EVENTS.returnCompleted, 14, completedReturn('R-2'))].reduce(project, partial);
    expect(all.view!.status).toBe('RETURNED');
    expect(all.view!.returns!.map((r) => r.status)).toEqual(['COMPLETED', 'COMPLETED']);
    expect(arrangeTimeline(all.timeline).slice(-2).map((e) => [e.type, e.status, e.customsCode])).toEqual([
      [LOGISTICS_EVENTS.returned, 'RETURNED', 700],
      [LOGISTICS_EVENTS.returnCompleted, null, 700],
    ]);
  });

  it('leaves the view of an order without after-sale as it was: no cancellation, no returns', () => {
    const view = apply(internal(TAX_PERMIT_EVENTS.taxAssessed, 8)).view!;
    expect(view).not.toHaveProperty('cancellation');
    expect(view).not.toHaveProperty('returns');
  });
});
