import { Parser } from '@asyncapi/parser';
import { INSPECTION_EVENTS, OPS_EVENTS, OUTBOUND_EVENTS, PLATFORM_EVENTS, REFUSAL_REASONS, serviceEventsTopic, SINGLE_WINDOW_EVENTS, TOPICS } from '@cbec/contracts';
import { buildAsyncApi, EVENT_MAPS } from './asyncapi.builder';

const EVERY_TYPE = Object.entries(EVENT_MAPS).flatMap(([map, types]) => Object.values(types).map((type) => [map, type]));

describe('buildAsyncApi', () => {
  const doc = buildAsyncApi();
  const channelOf = (topic: string) => Object.values<any>(doc.channels).find((channel) => channel.address === topic);

  it.each(EVERY_TYPE)('has a message for %s %s, on at least one channel, in its CloudEvents envelope', (_, type) => {
    const message = doc.components.messages[type];
    expect(message.payload.properties.type).toEqual({ type: 'string', const: type });
    expect(message.payload.required).toEqual(expect.arrayContaining(['specversion', 'id', 'source', 'type', 'time', 'subject', 'datacontenttype', 'data']));
    expect(message.bindings.kafka.key.type).toBe('string');
    expect(Object.values<any>(doc.channels).some((channel) => channel.messages[type])).toBe(true);
  });

  it.each([...Object.values(TOPICS), serviceEventsTopic('gateway'), '{consumerGroup}.dlq'])('has a channel for %s', (topic) => {
    expect(channelOf(topic)).toBeDefined();
  });

  it('generates the payload of class-validator classes from their rules, nested classes included', () => {
    expect(doc.components.messages[PLATFORM_EVENTS.orderPlaced].payload.properties.data).toEqual({ $ref: '#/components/schemas/OrderPlacedData' });
    expect(doc.components.schemas.OrderPlacedData.required).toEqual(expect.arrayContaining(['platformId', 'orderId', 'clearanceModel', 'items']));
    expect(doc.components.schemas.OrderItemData.properties.hsCode.pattern).toBe('^\\d{10}$');
    expect(doc.components.schemas.TariffEntryPayload.required).toEqual(expect.arrayContaining(['hsPrefix', 'dutyRate', 'prohibited']));
  });

  it('puts the dead-letter announcements on every service topic, and answers on the answering service\'s', () => {
    expect(channelOf(TOPICS.orderEvents).messages[OPS_EVENTS.messageDeadLettered]).toBeDefined();
    expect(channelOf(serviceEventsTopic('gateway')).messages[OPS_EVENTS.deadLetterReplayed]).toBeDefined();
    expect(channelOf(TOPICS.inspectionEvents).messages[OPS_EVENTS.inspectionDecisionRecorded]).toBeDefined();
    expect(channelOf(TOPICS.orderEvents).messages[OPS_EVENTS.inspectionDecisionRecorded]).toBeUndefined();
  });

  it('puts customs\' receipts on the Single Window service\'s topic, with the fields of CustomsReceiptData', () => {
    const channel = channelOf(TOPICS.singleWindowEvents);
    expect(channel.messages[SINGLE_WINDOW_EVENTS.receiptRecorded]).toEqual({ $ref: `#/components/messages/${SINGLE_WINDOW_EVENTS.receiptRecorded}` });
    expect(channel.description).toContain('receipts');
    const data = doc.components.messages[SINGLE_WINDOW_EVENTS.receiptRecorded].payload.properties.data;
    expect(data.required).toEqual(expect.arrayContaining(['platformId', 'orderId', 'messageType', 'guid', 'returnStatus', 'returnInfo', 'at']));
    expect(Object.keys(data.properties)).toEqual(expect.arrayContaining(['copNo', 'preNo', 'invtNo', 'taxBill']));
    expect(data.properties.taxBill.properties.matchesAssessment.type).toEqual(['boolean', 'null']);
  });

  it('lists every reason code of a rejection, customs\' own included, in rejected.v1, status-changed.v1 and the services\' rejections', () => {
    const dataOf = (type: string) => doc.components.messages[type].payload.properties.data;
    for (const type of [OUTBOUND_EVENTS.rejected, OUTBOUND_EVENTS.statusChanged, INSPECTION_EVENTS.rejected]) {
      expect(dataOf(type).properties.reasonCode.enum).toEqual(expect.arrayContaining(['INVALID_ORDER', 'INSPECTION_FAILED', 'CUSTOMS_RETURNED', 'CUSTOMS_DETAINED']));
      expect(dataOf(type).properties.details.items.properties.message).toEqual({ type: 'string' });
    }
    expect(dataOf(OUTBOUND_EVENTS.rejected).required).toContain('reasonCode');
    expect(dataOf(OUTBOUND_EVENTS.statusChanged).required).not.toContain('reasonCode');
    expect(dataOf(OUTBOUND_EVENTS.requestRefused).properties.reasonCode.enum).toEqual([...REFUSAL_REASONS]);
  });

  it('is a valid AsyncAPI 3.0 document', async () => {
    const { diagnostics } = await new Parser().parse(JSON.parse(JSON.stringify(doc)));
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
  });
});
