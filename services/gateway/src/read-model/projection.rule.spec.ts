import {
  DECLARATION_EVENTS,
  INSPECTION_EVENTS,
  LOGISTICS_EVENTS,
  ORDER_EVENTS,
  PLATFORM_EVENTS,
  rejection,
  STATUS_EVENTS,
  TAX_PERMIT_EVENTS,
  TaxAssessmentNotice,
} from '@cbec/contracts';
import { aTaxAssessmentNotice } from '@cbec/testing';
import { CloudEvent, createEvent } from '@cbec/messaging';
import { ClearanceRecord, emptyRecord } from './clearance-record';
import { project, restartCorrectedOrder, timelineKindOf } from './projection.rule';

const ref = { platformId: 'tmall-global', orderId: 'TG-1' };
const T0 = '2026-11-11T00:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

let clock = 0;
function internal(type: string, step: number, data: Record<string, unknown> = {}, options: { id?: string; time?: string; cause?: CloudEvent } = {}): CloudEvent {
  const service = STATUS_EVENTS[type]?.service ?? 'x';
  return createEvent({ id: options.id, type, source: `/services/${service}`, subject: 'tmall-global/TG-1', data: { ...ref, clearanceModel: 'BONDED_ZONE', ...data }, step, time: options.time ?? at(++clock), cause: options.cause });
}

function platform(type: string, data: Record<string, unknown> = {}, options: { id?: string; time?: string } = {}): CloudEvent {
  return { ...createEvent({ id: options.id, type, source: 'https://tmall-global.example/orders', subject: 'tmall-global/TG-1', data: { ...ref, ...data }, time: options.time ?? at(++clock) }), correlationid: undefined };
}

const placed = (data: Record<string, unknown> = {}, options: { id?: string; time?: string } = {}) => platform(PLATFORM_EVENTS.orderPlaced, { clearanceModel: 'BONDED_ZONE', ...data }, options);
const apply = (...events: CloudEvent[]): ClearanceRecord => events.reduce(project, emptyRecord(ref));

const declaration = { declarationNumber: 'HZ2026111100000001' };
const assessment = aTaxAssessmentNotice({ regime: 'CBEC_RETAIL', dutiableTotal: '418.00', lines: [{ sku: 'JP-CREAM-50', dutiableValue: '418.00', duty: '0.00', consumptionTax: '51.64', vat: '44.75' }], totals: { duty: '0.00', consumptionTax: '51.64', vat: '44.75', total: '96.39' }, dueBy: '2026-11-14T00:00:00.000Z' });
const pickup = { location: { name: 'Hangzhou bonded site', address: '1 Zone Rd' }, availableFrom: T0, availableUntil: '2026-11-18T00:00:00.000Z', pickupCode: '482913' };

beforeEach(() => {
  clock = 0;
});

describe('timelineKindOf', () => {
  it('reads status events, refusals and the platform\'s inbound events, and nothing else', () => {
    expect(timelineKindOf(INSPECTION_EVENTS.approved)).toBe('status');
    expect(timelineKindOf(TAX_PERMIT_EVENTS.requestRefused)).toBe('refusal');
    expect(timelineKindOf(PLATFORM_EVENTS.taxPaid)).toBe('platform');
    expect(timelineKindOf(TAX_PERMIT_EVENTS.tariffChanged)).toBeUndefined();
    expect(timelineKindOf('cbec.clearance.status-changed.v1')).toBeUndefined();
  });
});

describe('project: order-placed', () => {
  it('makes the order known at RECEIVED with its model, and records the entry as the gateway\'s', () => {
    const event = placed({}, { time: '2026-11-11T08:00:00.5+08:00' });
    const record = apply(event);
    expect(record.view).toEqual({
      ...ref,
      clearanceModel: 'BONDED_ZONE',
      status: 'RECEIVED',
      reasonCode: null,
      declarationNumber: null,
      taxAssessment: null,
      permitNumber: null,
      pickup: null,
      delivery: null,
      particulars: null,
      createdAt: '2026-11-11T00:00:00.500Z',
      updatedAt: '2026-11-11T00:00:00.500Z',
    });
    expect(record.timeline).toEqual([
      { eventId: event.id, kind: 'platform', type: PLATFORM_EVENTS.orderPlaced, status: 'RECEIVED', at: '2026-11-11T00:00:00.500Z', service: 'gateway', customsCode: null, reasonCode: null, step: null, causationId: null, receipt: null },
    ]);
  });

  it('keeps no model that is not one of the three', () => {
    expect(apply(placed({ clearanceModel: 'MODEL_IV' })).view!.clearanceModel).toBeNull();
  });

  it('leaves the status of an order already on its way, and its earliest creation time', () => {
    const confirmed = internal(ORDER_EVENTS.orderConfirmed, 1, {}, { time: at(10) });
    const record = apply(confirmed, placed({}, { time: at(5) }));
    expect(record.view).toMatchObject({ status: 'ORDER_CONFIRMED', createdAt: at(5), updatedAt: at(10) });
  });

  it('gives the same view whichever of order-placed and order-confirmed comes first', () => {
    const order = placed({}, { time: at(1) });
    const confirmed = internal(ORDER_EVENTS.orderConfirmed, 1, {}, { time: at(2) });
    expect(apply(order, confirmed).view).toEqual(apply(confirmed, order).view);
  });

  it('does not reset an order rejected at intake: the order service\'s answer does', () => {
    const rejected = internal(ORDER_EVENTS.orderRejected, 1, { ...rejection(ref, 'BONDED_ZONE', 'PAYMENT_MISMATCH', []) });
    const record = apply(placed(), rejected, placed({ freight: '1.00' }));
    expect(record.view).toMatchObject({ status: 'REJECTED', reasonCode: 'PAYMENT_MISMATCH' });
    expect(record.timeline).toHaveLength(3);
  });
});

describe('project: status events', () => {
  it.each(Object.entries(STATUS_EVENTS))('%s sets its status and records its service', (type, { status, service }) => {
    const record = apply(placed(), internal(type, 3, { reasonCode: 'PICKUP_EXPIRED' }));
    expect(record.view!.status).toBe(status);
    expect(record.timeline[1]).toMatchObject({ kind: 'status', type, status, service, step: 3 });
  });

  it.each([
    ['DECLARED', DECLARATION_EVENTS.declarationSubmitted, 120],
    ['UNDER_REVIEW', INSPECTION_EVENTS.reviewStarted, 120],
    ['PROOF_REQUESTED', INSPECTION_EVENTS.proofRequested, 300],
    ['HELD_FOR_REVIEW', INSPECTION_EVENTS.heldForReview, 300],
    ['QUARANTINE_INSPECTION', INSPECTION_EVENTS.quarantineStarted, 500],
    ['APPROVED', INSPECTION_EVENTS.approved, 800],
    ['COMPLETED', LOGISTICS_EVENTS.delivered, 899],
    ['REJECTED', INSPECTION_EVENTS.rejected, 100],
    ['TAX_ASSESSED', TAX_PERMIT_EVENTS.taxAssessed, null],
    ['ORDER_CONFIRMED', ORDER_EVENTS.orderConfirmed, null],
  ])('gives the timeline entry into %s the customs code %p', (_, type, code) => {
    expect(apply(internal(type, 1)).timeline[0].customsCode).toBe(code);
  });

  it('makes the order known from a status event that came before its order-placed', () => {
    const record = apply(internal(ORDER_EVENTS.orderConfirmed, 1, { clearanceModel: 'GENERAL_TRADE' }, { time: at(3) }));
    expect(record.view).toMatchObject({ status: 'ORDER_CONFIRMED', clearanceModel: 'GENERAL_TRADE', createdAt: at(3), updatedAt: at(3) });
  });

  it('takes the declaration number from the declaration and keeps it', () => {
    const record = apply(placed(), internal(DECLARATION_EVENTS.declarationSubmitted, 2, { declaration }), internal(INSPECTION_EVENTS.reviewStarted, 3));
    expect(record.view!.declarationNumber).toBe('HZ2026111100000001');
  });

  it('takes the tax assessment from tax-assessed\'s notice, without the fields of the outbound header', () => {
    const record = apply(placed(), internal(TAX_PERMIT_EVENTS.taxAssessed, 5, { declaration, notice: { ...assessment, status: 'X', sequence: 9 } }));
    expect(record.view!.taxAssessment).toEqual(assessment);
  });

  it('takes the permit number from permit-issued', () => {
    expect(apply(placed(), internal(TAX_PERMIT_EVENTS.permitIssued, 7, { declaration, permitNumber: 'P-2026-000001' })).view!.permitNumber).toBe('P-2026-000001');
  });

  it('takes the pickup details from ready-for-pickup, the code included, and the delivery from out-for-delivery', () => {
    expect(apply(placed(), internal(LOGISTICS_EVENTS.readyForPickup, 9, { notice: pickup })).view!.pickup).toEqual(pickup);
    expect(apply(placed(), internal(LOGISTICS_EVENTS.outForDelivery, 9, { notice: { carrier: 'SF-INTL', waybillNumber: 'SF1' } })).view!.delivery).toEqual({ carrier: 'SF-INTL', waybillNumber: 'SF1' });
  });

  it('keeps every detail through to COMPLETED', () => {
    const record = apply(
      placed(),
      internal(DECLARATION_EVENTS.declarationSubmitted, 2, { declaration }),
      internal(TAX_PERMIT_EVENTS.taxAssessed, 5, { declaration, notice: assessment }),
      internal(TAX_PERMIT_EVENTS.permitIssued, 7, { declaration, permitNumber: 'P-1' }),
      internal(LOGISTICS_EVENTS.readyForPickup, 9, { notice: pickup }),
      internal(LOGISTICS_EVENTS.delivered, 10, { notice: { declarationNumber: declaration.declarationNumber, permitNumber: 'P-1', completedAt: T0 } }),
    );
    expect(record.view).toMatchObject({ status: 'COMPLETED', declarationNumber: declaration.declarationNumber, taxAssessment: assessment, permitNumber: 'P-1', pickup, reasonCode: null });
  });

  it.each([
    ['at intake', ORDER_EVENTS.orderRejected, 'IDENTITY_MISMATCH'],
    ['by customs', INSPECTION_EVENTS.rejected, 'INSUFFICIENT_PROOF'],
    ['at assessment', TAX_PERMIT_EVENTS.rejected, 'ANNUAL_LIMIT_EXCEEDED'],
    ['when the pickup window ends', LOGISTICS_EVENTS.pickupExpired, 'PICKUP_EXPIRED'],
  ] as const)('takes the reason code of a rejection %s, on the view and its entry', (_, type, reasonCode) => {
    const record = apply(placed(), internal(type, 4, { ...rejection(ref, 'BONDED_ZONE', reasonCode, [{ message: 'why' }]) }));
    expect(record.view).toMatchObject({ status: 'REJECTED', reasonCode });
    expect(record.timeline[1]).toMatchObject({ status: 'REJECTED', reasonCode, customsCode: 100 });
  });

  it('leaves a rejection\'s reason behind when a corrected order moves on', () => {
    const record = apply(placed(), internal(ORDER_EVENTS.orderRejected, 1, { ...rejection(ref, 'BONDED_ZONE', 'INVALID_ORDER', []) }), placed({ currency: 'CNY' }), internal(ORDER_EVENTS.orderConfirmed, 2));
    expect(record.view).toMatchObject({ status: 'ORDER_CONFIRMED', reasonCode: null });
  });

  it('keeps the model it knows when a rejection carries none', () => {
    const record = apply(placed(), internal(ORDER_EVENTS.orderRejected, 1, { ...rejection(ref, null, 'INVALID_ORDER', []) }));
    expect(record.view!.clearanceModel).toBe('BONDED_ZONE');
  });

  it('keeps the cause of an event, to place a platform\'s request before its answer', () => {
    const proof = platform(PLATFORM_EVENTS.proofSubmitted);
    const received = internal(INSPECTION_EVENTS.proofReceived, 5, {}, { cause: proof });
    expect(apply(proof, received).timeline[1].causationId).toBe(proof.id);
  });
});

describe('project: refusals and the platform\'s other requests', () => {
  const refusal = (step: number, reasonCode = 'PAYMENT_AMOUNT_MISMATCH') =>
    internal(TAX_PERMIT_EVENTS.requestRefused, step, { refusedEventId: 'e-1', refusedType: PLATFORM_EVENTS.taxPaid, reasonCode, message: 'not the assessed total' });

  it('records a refusal with its service and reason, and leaves the view as it is', () => {
    const before = apply(placed(), internal(TAX_PERMIT_EVENTS.taxAssessed, 5, { notice: assessment }));
    const after = project(before, refusal(5));
    expect(after.view).toBe(before.view);
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'refusal', service: 'tax-permit', status: null, reasonCode: 'PAYMENT_AMOUNT_MISMATCH', step: 5, customsCode: null });
  });

  it.each([PLATFORM_EVENTS.proofSubmitted, PLATFORM_EVENTS.taxPaid, PLATFORM_EVENTS.goodsReceived])('records %s as the gateway\'s, with no status, and leaves the view as it is', (type) => {
    const before = apply(placed());
    const after = project(before, platform(type));
    expect(after.view).toBe(before.view);
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'platform', type, service: 'gateway', status: null });
  });

  it('records what arrives about an order it does not know, and makes no view of it', () => {
    const record = apply(platform(PLATFORM_EVENTS.taxPaid), refusal(0, 'UNEXPECTED_EVENT'));
    expect(record.view).toBeNull();
    expect(record.timeline.map((e) => e.kind)).toEqual(['platform', 'refusal']);
  });
});

describe('project: idempotency', () => {
  it('changes nothing for an event it already has, whatever its kind', () => {
    const events = [placed(), internal(ORDER_EVENTS.orderConfirmed, 1), platform(PLATFORM_EVENTS.taxPaid), internal(TAX_PERMIT_EVENTS.requestRefused, 1, { reasonCode: 'UNEXPECTED_EVENT' })];
    const once = apply(...events);
    for (const event of events) expect(project(once, event)).toBe(once);
  });

  it('changes nothing for an event it does not read', () => {
    const record = apply(placed());
    expect(project(record, internal(TAX_PERMIT_EVENTS.tariffChanged, 0))).toBe(record);
  });

  it('takes an unreadable platform time as the latest time it knows, never the clock', () => {
    const record = apply(placed({}, { time: at(7) }), platform(PLATFORM_EVENTS.taxPaid, {}, { time: 'yesterday' }));
    expect(record.timeline[1].at).toBe(at(7));
  });
});

describe('restartCorrectedOrder', () => {
  it('puts an order rejected at intake back to RECEIVED with the corrected model and no reason', () => {
    const rejected = apply(placed({ clearanceModel: 'BONDED_ZONE' }, { time: at(1) }), internal(ORDER_EVENTS.orderRejected, 1, { ...rejection(ref, 'BONDED_ZONE', 'PAYMENT_MISMATCH', []) }, { time: at(2) }));
    const corrected = placed({ clearanceModel: 'DIRECT_MAIL' }, { time: at(3) });
    const record = restartCorrectedOrder(rejected, corrected);
    expect(record.view).toMatchObject({ status: 'RECEIVED', reasonCode: null, clearanceModel: 'DIRECT_MAIL', createdAt: at(1), updatedAt: at(3) });
    expect(record.timeline.map((e) => e.eventId)).toEqual([...rejected.timeline.map((e) => e.eventId), corrected.id]);
  });
});
