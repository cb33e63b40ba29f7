import { DECLARATION_EVENTS, INSPECTION_EVENTS, ORDER_EVENTS, PLATFORM_EVENTS, SINGLE_WINDOW_EVENTS, TAX_PERMIT_EVENTS, TOPICS } from '@cbec/contracts';
import { CloudEvent, createEvent, encodeEvent } from '@cbec/messaging';
import { HistoryMessage, replayHistory } from './history-replay.rule';

const ref = { platformId: 'tmall-global', orderId: 'TG-1' };
const subject = 'tmall-global/TG-1';
let offset = 0;

function message(topic: string, event: CloudEvent | string): HistoryMessage {
  const encoded = typeof event === 'string' ? { value: Buffer.from(event), headers: {} } : encodeEvent(event);
  return { topic, partition: 0, offset: String(offset++), ...encoded };
}
const internal = (type: string, step: number, id = `${type}#${step}`, cause?: CloudEvent) => createEvent({ id, type, source: '/services/x', subject, data: { ...ref, clearanceModel: 'GENERAL_TRADE' }, step, cause });
const placed = createEvent({ id: 'placed', type: PLATFORM_EVENTS.orderPlaced, source: 'https://tmall.example', subject, data: { ...ref, clearanceModel: 'GENERAL_TRADE' } });

const idsOf = (messages: HistoryMessage[]) => replayHistory(messages).orders.get(subject)?.events.map((e) => e.id);

describe('replayHistory', () => {
  it('gives the platform\'s events as they come and the services\' in step order, whatever topic came first', () => {
    const confirmed = internal(ORDER_EVENTS.orderConfirmed, 1, 'confirmed', placed);
    const declared = internal(DECLARATION_EVENTS.declarationSubmitted, 2, 'declared');
    const review = internal(INSPECTION_EVENTS.reviewStarted, 3, 'review');
    const messages = [message(TOPICS.inspectionEvents, review), message(TOPICS.platformInbound, placed), message(TOPICS.declarationEvents, declared), message(TOPICS.orderEvents, confirmed)];
    expect(idsOf(messages)).toEqual(['placed', 'confirmed', 'declared', 'review']);
  });

  it('takes each event once, a redelivery included, and drops a second event of a step already applied', () => {
    const confirmed = internal(ORDER_EVENTS.orderConfirmed, 1, 'confirmed');
    const duplicate = internal(ORDER_EVENTS.orderConfirmed, 1, 'confirmed-again');
    expect(idsOf([message(TOPICS.platformInbound, placed), message(TOPICS.platformInbound, placed), message(TOPICS.orderEvents, confirmed), message(TOPICS.orderEvents, confirmed), message(TOPICS.orderEvents, duplicate)])).toEqual(['placed', 'confirmed']);
  });

  it('keeps back what waits for a step that never came, and counts it', () => {
    const replay = replayHistory([message(TOPICS.orderEvents, internal(ORDER_EVENTS.orderConfirmed, 1)), message(TOPICS.inspectionEvents, internal(INSPECTION_EVENTS.approved, 4))]);
    expect(replay.orders.get(subject)!.events.map((e) => e.type)).toEqual([ORDER_EVENTS.orderConfirmed]);
    expect(replay.held).toBe(1);
  });

  it('places a refusal once the order reaches its step', () => {
    const refusal = createEvent({ id: 'refused', type: TAX_PERMIT_EVENTS.requestRefused, source: '/services/tax-permit', subject, data: { ...ref, refusedEventId: 'x', refusedType: PLATFORM_EVENTS.taxPaid, reasonCode: 'UNEXPECTED_EVENT', message: 'm' }, step: 2 });
    const messages = [message(TOPICS.taxPermitEvents, refusal), message(TOPICS.orderEvents, internal(ORDER_EVENTS.orderConfirmed, 1, 'confirmed')), message(TOPICS.declarationEvents, internal(DECLARATION_EVENTS.declarationSubmitted, 2, 'declared'))];
    expect(idsOf(messages)).toEqual(['confirmed', 'declared', 'refused']);
  });

  it('gives customs\' receipts as they come, not held back for a step', () => {
    const receipt = createEvent({ id: 'receipt', type: SINGLE_WINDOW_EVENTS.receiptRecorded, source: '/services/single-window', subject, data: { ...ref, clearanceModel: 'BONDED_ZONE', messageType: 'CEB622', guid: 'G', returnStatus: '120', returnInfo: 'ok', at: '2026-11-11T00:00:00.000Z' } });
    const other = createEvent({ id: 'other', type: 'cbec.single-window.message-sent.v1', source: '/services/single-window', subject, data: ref });
    const messages = [message(TOPICS.singleWindowEvents, receipt), message(TOPICS.singleWindowEvents, other), message(TOPICS.platformInbound, placed), message(TOPICS.orderEvents, internal(ORDER_EVENTS.orderConfirmed, 1, 'confirmed'))];
    expect(idsOf(messages)).toEqual(['receipt', 'placed', 'confirmed']);
    expect(replayHistory(messages).skipped).toBe(1);
  });

  it('skips what the gateway\'s consumer would not apply, as it would', () => {
    const stepless = createEvent({ id: 'no-step', type: INSPECTION_EVENTS.approved, source: '/services/inspection', subject, data: ref });
    const tariff = createEvent({ id: 'tariff', type: TAX_PERMIT_EVENTS.tariffChanged, source: '/services/tax-permit', subject: 'tariff/3304', data: { entry: {} } });
    const unknownInbound = createEvent({ id: 'odd', type: 'cbec.platform.order-cancelled.v1', source: 'x', subject, data: ref });
    const replay = replayHistory([message(TOPICS.platformInbound, 'not json'), message(TOPICS.inspectionEvents, stepless), message(TOPICS.taxPermitEvents, tariff), message(TOPICS.platformInbound, unknownInbound), message(TOPICS.platformInbound, placed)]);
    expect(replay.skipped).toBe(4);
    expect([...replay.orders.keys()]).toEqual([subject]);
    expect(replay.eventIds).toEqual(new Set(['placed']));
  });
});
