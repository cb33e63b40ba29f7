import { createEvent } from './cloud-event';
import type { BatchContext, OutgoingEvent } from './context';
import { decideInTurn, firstEventsOfNewOrders, ordersOf } from './decide-in-turn';
import { EventFailure } from './handler';

const anEvent = (orderId: string, data: { add?: number } = {}) => createEvent({ type: 'test.counted.v1', source: '/test', subject: `p/${orderId}`, data: { platformId: 'p', orderId, ...data } });

function aRun(): { context: BatchContext; published: (OutgoingEvent & { cause: { id: string } })[] } {
  const published: (OutgoingEvent & { cause: { id: string } })[] = [];
  const timers = { schedule: async () => undefined, cancel: async () => undefined };
  const log = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: () => undefined, child: () => log } as never;
  return { published, context: { manager: {} as never, log, publish: (event) => published.push(event), timersFor: () => timers } };
}

/** Adds the event's `add` to its order's count and says so. */
const count = (event: ReturnType<typeof anEvent>, state: number | undefined) => {
  const { add } = event.data;
  if (add === undefined) return;
  const next = (state ?? 0) + add;
  return { state: next, publish: [{ topic: 't', type: 'test.total.v1', data: { total: next } }] };
};

describe('decideInTurn', () => {
  it('decides each event against its order as the events before it left it, and gives back the last state of each changed order', async () => {
    const { context, published } = aRun();
    const states = new Map([['p/A', 10]]);
    const events = [anEvent('A', { add: 1 }), anEvent('B', { add: 5 }), anEvent('A', { add: 2 }), anEvent('C')];
    expect(await decideInTurn(events, states, context, count)).toEqual([13, 5]);
    expect(states).toEqual(new Map([['p/A', 13], ['p/B', 5]]));
    expect(published.map(({ data, cause }) => [data, cause.id])).toEqual([
      [{ total: 11 }, events[0].id],
      [{ total: 5 }, events[1].id],
      [{ total: 13 }, events[2].id],
    ]);
  });

  it('gives each decision the order of its event and that event as the cause of what it publishes there', async () => {
    const { context, published } = aRun();
    const event = anEvent('A');
    await decideInTurn([event], new Map<string, number>(), context, (_, __, { ref, subject, publish }) => {
      publish({ topic: 't', type: 'test.seen.v1', data: { ref, subject } });
    });
    expect(published).toEqual([expect.objectContaining({ data: { ref: { platformId: 'p', orderId: 'A' }, subject: 'p/A' }, cause: event })]);
  });

  it('names the event whose decision threw', async () => {
    const { context } = aRun();
    const events = [anEvent('A', { add: 1 }), anEvent('B', { add: Number.NaN })];
    const failing = (event: ReturnType<typeof anEvent>, state: number | undefined) => {
      if (Number.isNaN(event.data.add)) throw new Error('not a number');
      return count(event, state);
    };
    await expect(decideInTurn(events, new Map<string, number>(), context, failing)).rejects.toEqual(expect.objectContaining({ index: 1, message: 'not a number' }));
    await expect(decideInTurn(events, new Map<string, number>(), context, failing)).rejects.toBeInstanceOf(EventFailure);
  });
});

describe('firstEventsOfNewOrders', () => {
  it('takes the first event of each order not known yet', () => {
    const events = [anEvent('A'), anEvent('B'), anEvent('A'), anEvent('C'), anEvent('B')];
    expect(firstEventsOfNewOrders(events, new Map([['p/C', true]]))).toEqual([events[0], events[1]]);
  });
});

describe('ordersOf', () => {
  it('reads each event’s order from its data', () => {
    expect(ordersOf([anEvent('A'), anEvent('A')])).toEqual([{ platformId: 'p', orderId: 'A' }, { platformId: 'p', orderId: 'A' }]);
  });
});
