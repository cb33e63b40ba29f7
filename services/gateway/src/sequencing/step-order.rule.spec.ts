import { INSPECTION_EVENTS, OUTBOUND_EVENTS, TAX_PERMIT_EVENTS, ORDER_EVENTS, DECLARATION_EVENTS } from '@cbec/contracts';
import { createEvent } from '@cbec/messaging';
import { initialState, OrderState } from './outbound-data.rule';
import { judgeArrival, planDelivery, stepOf } from './step-order.rule';

describe('judgeArrival', () => {
  it.each([
    ['applies the status event of the next step', 'status', 3, 4, 'apply'],
    ['applies the first status event of an unknown order', 'status', 0, 1, 'apply'],
    ['holds a status event that skips a step', 'status', 3, 5, 'hold'],
    ['holds a status event far ahead', 'status', 0, 9, 'hold'],
    ['ignores a status event of the current step (a duplicate under a new id)', 'status', 3, 3, 'ignore'],
    ['ignores a status event of an earlier step', 'status', 3, 1, 'ignore'],
    ['applies a refusal about the current step', 'refusal', 3, 3, 'apply'],
    ['applies a refusal about an earlier step', 'refusal', 3, 2, 'apply'],
    ['applies a refusal about an unknown order (step 0)', 'refusal', 0, 0, 'apply'],
    ['holds a refusal about a step the order has not reached', 'refusal', 3, 4, 'hold'],
  ] as const)('%s', (_, kind, orderStep, step, expected) => {
    expect(judgeArrival(orderStep, { kind, step })).toBe(expected);
  });
});

describe('stepOf', () => {
  const ref = { platformId: 'p', orderId: 'o' };

  it('reads the kind and step of a status event and of a refusal', () => {
    expect(stepOf(createEvent({ type: INSPECTION_EVENTS.approved, source: 's', subject: 'p/o', data: ref, step: 4 }))).toEqual({ kind: 'status', step: 4 });
    expect(stepOf(createEvent({ type: TAX_PERMIT_EVENTS.requestRefused, source: 's', subject: 'p/o', data: ref, step: 2 }))).toEqual({ kind: 'refusal', step: 2 });
  });

  it('takes a refusal with no step as about the order as it is', () => {
    expect(stepOf(createEvent({ type: ORDER_EVENTS.requestRefused, source: 's', subject: 'p/o', data: ref }))).toEqual({ kind: 'refusal', step: 0 });
  });

  it('refuses to order a status event with no step', () => {
    expect(() => stepOf(createEvent({ type: INSPECTION_EVENTS.approved, source: 's', subject: 'p/o', data: ref }))).toThrow(/carries no step/);
  });
});

describe('planDelivery', () => {
  const ref = { platformId: 'tmall-global', orderId: 'A1' };
  const status = (type: string, step: number, id = `${type}#${step}`) => createEvent({ id, type, source: '/services/x', subject: 'tmall-global/A1', data: { ...ref, clearanceModel: 'BONDED_ZONE' }, step });
  const refusal = (step: number, id = `refusal#${step}`) =>
    createEvent({ id, type: TAX_PERMIT_EVENTS.requestRefused, source: '/services/tax-permit', subject: 'tmall-global/A1', data: { ...ref, refusedEventId: 'e', refusedType: 't', reasonCode: 'UNEXPECTED_EVENT', message: 'm' }, step });
  const at = (step: number, sequence = step): OrderState => ({ ...initialState(ref), status: 'ORDER_CONFIRMED', clearanceModel: 'BONDED_ZONE', step, sequence });
  const statusesOf = (plan: ReturnType<typeof planDelivery>) => plan.messages.map((m) => (m.type === OUTBOUND_EVENTS.statusChanged ? m.data.status : m.type));

  it('holds an event ahead of its step and changes nothing', () => {
    const plan = planDelivery(at(1), status(INSPECTION_EVENTS.reviewStarted, 3), []);
    expect(plan).toEqual({ arrival: 'hold', state: at(1), messages: [], settled: [] });
  });

  it('ignores a duplicate step and changes nothing', () => {
    const plan = planDelivery(at(2), status(DECLARATION_EVENTS.declarationSubmitted, 2, 'another-id'), [status(INSPECTION_EVENTS.approved, 4)]);
    expect(plan).toEqual({ arrival: 'ignore', state: at(2), messages: [], settled: [] });
  });

  it('applies the next step alone when nothing is held', () => {
    const plan = planDelivery(at(1), status(DECLARATION_EVENTS.declarationSubmitted, 2), []);
    expect(plan.arrival).toBe('apply');
    expect(statusesOf(plan)).toEqual(['DECLARED']);
    expect(plan.state).toMatchObject({ status: 'DECLARED', step: 2, sequence: 2 });
  });

  it('releases the held steps the incoming one makes due, in step order, whatever order they were held in', () => {
    const held = [status(TAX_PERMIT_EVENTS.taxAssessed, 5), status(INSPECTION_EVENTS.approved, 4), status(INSPECTION_EVENTS.reviewStarted, 3)];
    const plan = planDelivery(at(1), status(DECLARATION_EVENTS.declarationSubmitted, 2), held);
    expect(statusesOf(plan)).toEqual(['DECLARED', 'UNDER_REVIEW', 'APPROVED', 'TAX_ASSESSED', OUTBOUND_EVENTS.taxAssessed]);
    expect(plan.messages.map((m) => m.data.sequence)).toEqual([2, 3, 4, 5, 6]);
    expect(plan.state).toMatchObject({ status: 'TAX_ASSESSED', step: 5, sequence: 6 });
    expect(plan.settled.sort()).toEqual(held.map((e) => e.id).sort());
  });

  it('stops at the next gap and keeps what lies beyond it held', () => {
    const held = [status(INSPECTION_EVENTS.reviewStarted, 3), status(TAX_PERMIT_EVENTS.taxPaid, 6)];
    const plan = planDelivery(at(1), status(DECLARATION_EVENTS.declarationSubmitted, 2), held);
    expect(statusesOf(plan)).toEqual(['DECLARED', 'UNDER_REVIEW']);
    expect(plan.settled).toEqual([held[0].id]);
    expect(plan.state.step).toBe(3);
  });

  it('settles a held duplicate of a step once that step is applied, telling it once', () => {
    const held = [status(INSPECTION_EVENTS.reviewStarted, 3, 'first'), status(INSPECTION_EVENTS.reviewStarted, 3, 'second')];
    const plan = planDelivery(at(1), status(DECLARATION_EVENTS.declarationSubmitted, 2), held);
    expect(statusesOf(plan)).toEqual(['DECLARED', 'UNDER_REVIEW']);
    expect(plan.settled.sort()).toEqual(['first', 'second']);
  });

  it('releases a held refusal once the order reaches its step, before the step after it', () => {
    const held = [status(INSPECTION_EVENTS.approved, 4), refusal(3)];
    const plan = planDelivery(at(1), status(DECLARATION_EVENTS.declarationSubmitted, 2), [...held, status(INSPECTION_EVENTS.reviewStarted, 3)]);
    expect(statusesOf(plan)).toEqual(['DECLARED', 'UNDER_REVIEW', OUTBOUND_EVENTS.requestRefused, 'APPROVED']);
    expect(plan.messages[2].data).toMatchObject({ status: 'UNDER_REVIEW', sequence: 4 });
  });

  it('applies a refusal about the current step at once, leaving the step as it is', () => {
    const plan = planDelivery(at(4, 6), refusal(4), []);
    expect(plan.arrival).toBe('apply');
    expect(plan.messages.map((m) => [m.type, m.data.sequence])).toEqual([[OUTBOUND_EVENTS.requestRefused, 7]]);
    expect(plan.state).toEqual(at(4, 7));
  });
});
