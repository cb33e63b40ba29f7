import { ORDER_EVENTS, PLATFORM_EVENTS } from '@cbec/contracts';
import { contentHashOf } from '@cbec/domain';
import { createEvent } from '@cbec/messaging';
import { anOrder } from '@cbec/testing';
import { intakeOutcomeOf } from './intake-outcome.rule';

const placed = (data: object) => createEvent({ type: PLATFORM_EVENTS.orderPlaced, source: 'https://tmall-global.example/orders', subject: 'tmall-global/TG1', data });
const order = anOrder().id('TG1').bonded('HANGZHOU').withItem({ quantity: 2, unitPrice: '199.00' }).build();
const ref = { platformId: order.platformId, orderId: 'TG1' };
const outcomeOf = (data: object, existing?: { contentHash: string; reasonCode: 'INVALID_ORDER' | 'PROHIBITED_GOODS' | null; step: number }) =>
  intakeOutcomeOf(placed(data), ref, 'tmall-global/TG1', existing && { ...ref, ...existing });

describe('intakeOutcomeOf', () => {
  it('confirms a valid first order at step 1 and keeps it', () => {
    const outcome = outcomeOf(order);
    expect(outcome).toMatchObject({ kind: 'confirmed', corrected: false, state: { ...ref, outcome: 'CONFIRMED', clearanceModel: 'BONDED_ZONE', reasonCode: null, step: 1, contentHash: contentHashOf(order) } });
    expect(outcome.publish).toEqual([expect.objectContaining({ type: ORDER_EVENTS.orderConfirmed, subject: 'tmall-global/TG1', step: 1 })]);
  });

  it('rejects an invalid order with its field errors, keeping what was sent', () => {
    const invalid = { ...order, currency: 'USD', items: 'none' };
    const outcome = outcomeOf(invalid);
    expect(outcome).toMatchObject({ kind: 'rejected', state: { outcome: 'REJECTED', clearanceModel: 'BONDED_ZONE', step: 1, data: invalid } });
    expect(outcome.publish).toEqual([expect.objectContaining({ type: ORDER_EVENTS.orderRejected, step: 1, data: expect.objectContaining({ reasonCode: 'INVALID_ORDER' }) })]);
  });

  it.each([
    ['the same content again changes nothing', { contentHash: contentHashOf(order), reasonCode: null, step: 1 }, 'same-content', []],
    ['different content for a confirmed order is refused at its step', { contentHash: 'other', reasonCode: null, step: 1 }, 'conflict', [[ORDER_EVENTS.requestRefused, 1]]],
    ['different content for a customs-rejected order is refused at its step', { contentHash: 'other', reasonCode: 'PROHIBITED_GOODS', step: 4 }, 'conflict', [[ORDER_EVENTS.requestRefused, 4]]],
  ] as const)('%s', (_, existing, kind, published) => {
    const outcome = outcomeOf(order, existing);
    expect(outcome.kind).toBe(kind);
    expect(outcome.state).toBeUndefined();
    expect((outcome.publish ?? []).map(({ type, step }) => [type, step])).toEqual(published);
  });

  it('confirms a corrected order after an intake rejection, at the step after it', () => {
    expect(outcomeOf(order, { contentHash: 'other', reasonCode: 'INVALID_ORDER', step: 1 })).toMatchObject({ kind: 'confirmed', corrected: true, state: { step: 2 }, publish: [{ step: 2 }] });
  });
});
