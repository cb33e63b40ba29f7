import { DECLARATION_EVENTS, INSPECTION_EVENTS, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { CloudEvent, createEvent } from '@cbec/messaging';
import { initialState, OrderState } from './outbound-data.rule';
import { planDelivery } from './step-order.rule';
import { appliedEvents } from './applied-events.rule';

const ref = { platformId: 'tmall-global', orderId: 'A1' };
const status = (type: string, step: number, id = `${type}#${step}`) => createEvent({ id, type, source: '/services/x', subject: 'tmall-global/A1', data: { ...ref, clearanceModel: 'BONDED_ZONE' }, step });
const refusal = (step: number, id = `refusal#${step}`) =>
  createEvent({ id, type: TAX_PERMIT_EVENTS.requestRefused, source: '/services/tax-permit', subject: 'tmall-global/A1', data: { ...ref, refusedEventId: 'e', refusedType: 't', reasonCode: 'UNEXPECTED_EVENT', message: 'm' }, step });
const at = (step: number): OrderState => ({ ...initialState(ref), status: 'ORDER_CONFIRMED', clearanceModel: 'BONDED_ZONE', step, sequence: step });

/** What the translator does: plan, then ask which events the plan applied. */
function applied(state: OrderState, incoming: CloudEvent, held: CloudEvent[]): string[] {
  return appliedEvents(state.step, incoming, held, planDelivery(state, incoming, held)).map((e) => e.id);
}

describe('appliedEvents', () => {
  it('is nothing for an event held back or ignored', () => {
    expect(applied(at(1), status(INSPECTION_EVENTS.reviewStarted, 3), [])).toEqual([]);
    expect(applied(at(3), status(INSPECTION_EVENTS.reviewStarted, 3, 'again'), [])).toEqual([]);
  });

  it('is the incoming event alone when nothing is released', () => {
    expect(applied(at(1), status(DECLARATION_EVENTS.declarationSubmitted, 2), [])).toEqual([`${DECLARATION_EVENTS.declarationSubmitted}#2`]);
  });

  it('is the incoming event then the released ones in step order', () => {
    const held = [status(TAX_PERMIT_EVENTS.taxAssessed, 5), status(INSPECTION_EVENTS.approved, 4), status(INSPECTION_EVENTS.reviewStarted, 3), status(TAX_PERMIT_EVENTS.permitIssued, 9)];
    expect(applied(at(1), status(DECLARATION_EVENTS.declarationSubmitted, 2), held)).toEqual([
      `${DECLARATION_EVENTS.declarationSubmitted}#2`,
      `${INSPECTION_EVENTS.reviewStarted}#3`,
      `${INSPECTION_EVENTS.approved}#4`,
      `${TAX_PERMIT_EVENTS.taxAssessed}#5`,
    ]);
  });

  it('leaves out a held duplicate of a step the plan settled without applying', () => {
    const held = [status(INSPECTION_EVENTS.reviewStarted, 3, 'first'), status(INSPECTION_EVENTS.reviewStarted, 3, 'second'), status(INSPECTION_EVENTS.approved, 4)];
    expect(applied(at(1), status(DECLARATION_EVENTS.declarationSubmitted, 2, 'declared'), held)).toEqual(['declared', 'first', `${INSPECTION_EVENTS.approved}#4`]);
  });

  it('keeps a released refusal in its place: after its step, before the next', () => {
    const held = [status(INSPECTION_EVENTS.approved, 4), refusal(3), status(INSPECTION_EVENTS.reviewStarted, 3)];
    expect(applied(at(1), status(DECLARATION_EVENTS.declarationSubmitted, 2, 'declared'), held)).toEqual(['declared', `${INSPECTION_EVENTS.reviewStarted}#3`, 'refusal#3', `${INSPECTION_EVENTS.approved}#4`]);
  });

  it('is a refusal alone when it applies at once', () => {
    expect(applied(at(4), refusal(4), [])).toEqual(['refusal#4']);
  });
});
