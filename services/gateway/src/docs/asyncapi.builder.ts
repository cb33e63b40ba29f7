// The AsyncAPI 3.0 document of every topic and event type, generated from libs/contracts: the
// channels from TOPICS (plus the gateway's own topic and the dead-letter topics), the messages
// from the event-type maps, each in its CloudEvents envelope, and the payload schemas from the
// class-validator classes where there are some. Nothing is listed by hand: a new event type in a
// contract map appears here by itself.
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import {
  CANCELLATION_FORWARDS,
  CancelRequestedData,
  CLEARANCE_MODELS,
  CLEARANCE_STATUSES,
  DECLARATION_EVENTS,
  deadLetterTopic,
  GoodsReceivedData,
  INSPECTION_EVENTS,
  LOGISTICS_EVENTS,
  NOTICE_EVENTS,
  OPS_COMMANDS,
  OPS_EVENTS,
  ORDER_EVENTS,
  OrderPlacedData,
  OUTBOUND_EVENTS,
  PLATFORM_EVENTS,
  ProofSubmittedData,
  REFUSAL_EVENTS,
  REFUSAL_REASONS,
  REJECTION_REASONS,
  ReturnReceivedData,
  ReturnRequestedData,
  SERVICE_NAMES,
  serviceEventsTopic,
  SINGLE_WINDOW_EVENTS,
  STATUS_EVENTS,
  STATUS_NOTICES,
  TAX_PERMIT_EVENTS,
  TaxPaidData,
  TOPICS,
} from '@cbec/contracts';
import { OUTBOUND_NOTICE_FIELDS } from './outbound-notices';
import { CLOUDEVENTS_CONTENT_TYPE } from '@cbec/messaging';
import { TariffChangedPayload, TariffUpsertRequestedPayload } from '@cbec/tariff-table';

// class-transformer keeps the @Type() metadata that nested schemas need in a storage it does not export from its index.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

type Json = Record<string, any>;

/** Every event-type map of libs/contracts, by the name it has there. */
export const EVENT_MAPS: Record<string, Record<string, string>> = {
  PLATFORM_EVENTS,
  OUTBOUND_EVENTS,
  ORDER_EVENTS,
  DECLARATION_EVENTS,
  INSPECTION_EVENTS,
  TAX_PERMIT_EVENTS,
  LOGISTICS_EVENTS,
  SINGLE_WINDOW_EVENTS,
  OPS_COMMANDS,
  OPS_EVENTS,
};

const GATEWAY_EVENTS_TOPIC = serviceEventsTopic('gateway');
const SERVICE_TOPICS = SERVICE_NAMES.map(serviceEventsTopic);

/** Payloads that have a class-validator class (in libs/contracts, or the gateway's own for tariffs). */
const PAYLOAD_CLASSES: Record<string, Function> = {
  [PLATFORM_EVENTS.orderPlaced]: OrderPlacedData,
  [PLATFORM_EVENTS.proofSubmitted]: ProofSubmittedData,
  [PLATFORM_EVENTS.taxPaid]: TaxPaidData,
  [PLATFORM_EVENTS.goodsReceived]: GoodsReceivedData,
  [PLATFORM_EVENTS.cancelRequested]: CancelRequestedData,
  [PLATFORM_EVENTS.returnRequested]: ReturnRequestedData,
  [PLATFORM_EVENTS.returnReceived]: ReturnReceivedData,
  [TAX_PERMIT_EVENTS.tariffChanged]: TariffChangedPayload,
  [OPS_COMMANDS.upsertTariff]: TariffUpsertRequestedPayload,
};

/** What the ops messages carry: their data are interfaces of libs/contracts, named here. */
const OPS_DESCRIPTIONS: Record<string, string> = {
  [OPS_COMMANDS.decideInspection]: "An officer's decision (InspectionDecisionData: platformId, orderId, decision RELEASE | FAIL, note?, decidedBy?) for the inspection service; it answers with decision-recorded.",
  [OPS_COMMANDS.upsertTariff]: 'A tariff entry to add or change (TariffUpsertRequestedData) for tax-permit; it answers with tariff-changed (requestId set) or tariff-change-refused.',
  [OPS_COMMANDS.replayDeadLetter]: 'Replay of a dead letter (DeadLetterReplayRequestedData: id, consumerGroup); the owning group puts the message back on its topic and answers with dead-letter-replayed.',
  [OPS_EVENTS.inspectionDecisionRecorded]: "Inspection's answer to an officer's decision (CommandAnswerData: requestId = the command's id, outcome APPLIED | REFUSED, message).",
  [OPS_EVENTS.tariffChangeRefused]: "tax-permit's refusal of a tariff entry (CommandAnswerData with details: the field errors).",
  [OPS_EVENTS.messageDeadLettered]: 'A message a consumer group dead-lettered (DeadLetterData: id, consumerGroup, topic, partition, offset, key, reason, attempts, deadAt, payload cut at 64 KiB), announced by its service.',
  [OPS_EVENTS.deadLetterReplayed]: "A consumer group's answer to a replay command (CommandAnswerData).",
  [TAX_PERMIT_EVENTS.annualTotalChanged]:
    "A consumer's annual total after a change (AnnualTotalChangedData: platformId, orderId of the order that changed it, consumerKey (the HMAC-SHA256 of the ID number with CONSUMER_KEY_SECRET), quotaYear, total, version); the gateway keeps it for quotes. Keyed `<platformId>/<orderId>` of that order.",
};

const FORWARDED_TYPES = new Set(Object.values(CANCELLATION_FORWARDS).filter((type): type is string => !!type));

interface Placement {
  type: string;
  map: string;
  topics: string[];
}

/** On which topics each event type travels: by its map, and for ops events by the service in its name. */
export function placements(): Placement[] {
  const topicsOf = (map: string, type: string): string[] => {
    if (map === 'PLATFORM_EVENTS') return [TOPICS.platformInbound];
    if (map === 'OUTBOUND_EVENTS') return [TOPICS.platformOutbound];
    if (map === 'OPS_COMMANDS') return [TOPICS.opsCommands];
    const service = SERVICE_NAMES.find((name) => type.startsWith(`cbec.${name}.`));
    // cbec.ops.* events (dead letters and replays) come from every consumer group, on its service's topic.
    return service ? [serviceEventsTopic(service)] : SERVICE_TOPICS;
  };
  return Object.entries(EVENT_MAPS).flatMap(([map, types]) => Object.values(types).map((type) => ({ type, map, topics: topicsOf(map, type) })));
}

/** The channel id of a topic: its TOPICS key, e.g. `platformInbound`. */
function channelIdOf(topic: string): string {
  const key = Object.entries(TOPICS).find(([, name]) => name === topic)?.[0];
  return key ?? topic.replace(/^cbec\./, '').replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase());
}

export function buildAsyncApi(options: { version?: string; brokers?: string[] } = {}): Json {
  const schemas = payloadSchemas();
  const messages: Json = {};
  const channels: Json = {};
  const operations: Json = {};
  const allTopics = [...new Set([...Object.values(TOPICS), ...SERVICE_TOPICS, GATEWAY_EVENTS_TOPIC])];
  for (const topic of allTopics) channels[channelIdOf(topic)] = { address: topic, title: topic, description: channelDescription(topic), messages: {} };

  for (const { type, map, topics } of placements()) {
    messages[type] = message(type, map);
    for (const topic of topics) channels[channelIdOf(topic)].messages[type] = { $ref: `#/components/messages/${type}` };
  }

  channels.deadLetters = {
    address: deadLetterTopic('{consumerGroup}'),
    title: 'dead-letter topics',
    description: 'Each consumer group dead-letters what it cannot read, or what failed every retry, into `<consumerGroup>.dlq`: the original bytes, the reason in `dlq-*` headers. Listed and replayed over REST (`/v1/ops/dead-letters`).',
    parameters: { consumerGroup: { description: 'the consumer group, e.g. `cbec.order`, `cbec.gateway.outbound`' } },
    messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
  };
  messages.deadLetter = deadLetterMessage();

  for (const [channelId, channel] of Object.entries(channels)) {
    const action = channel.address === TOPICS.platformInbound ? 'receive' : 'send';
    operations[`${action}${channelId[0].toUpperCase()}${channelId.slice(1)}`] = {
      action,
      channel: { $ref: `#/channels/${channelId}` },
      summary: action === 'receive' ? `Platforms publish to ${channel.address}` : `The system publishes to ${channel.address}`,
      messages: Object.keys(channel.messages).map((id) => ({ $ref: `#/channels/${channelId}/messages/${id}` })),
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Cross-border e-commerce import clearance: events',
      version: options.version ?? '1.0.0',
      description:
        'Every Kafka topic of the system and every event type on it (generated from libs/contracts). Every message is a CloudEvents 1.0 event in structured JSON mode, keyed by `<platformId>/<orderId>` (tariff events by `tariff/<hsPrefix>`, dead-letter events by `dead-letter/<id>`). Money is a decimal string. On cbec.platform.inbound the system also accepts binary mode (`ce_*` headers, the data as the value).',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: Object.fromEntries((options.brokers ?? ['127.0.0.1:9092']).map((host, i) => [`broker${i + 1}`, { host, protocol: 'kafka', description: 'a Kafka broker (KAFKA_BROKERS)' }])),
    channels,
    operations,
    components: { messages, schemas },
  };
}

/** The schemas of the payload classes and of every class they nest, from their class-validator rules. */
function payloadSchemas(): Json {
  const all = validationMetadatasToSchemas({ classTransformerMetadataStorage: defaultMetadataStorage, refPointerPrefix: '#/components/schemas/' });
  const needed = new Set<string>();
  const visit = (name: string) => {
    if (needed.has(name) || !all[name]) return;
    needed.add(name);
    for (const match of JSON.stringify(all[name]).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) visit(match[1]);
  };
  for (const cls of Object.values(PAYLOAD_CLASSES)) visit(cls.name);
  return Object.fromEntries([...needed].sort().map((name) => [name, all[name]]));
}

function message(type: string, map: string): Json {
  const cls = PAYLOAD_CLASSES[type];
  const data = cls ? { $ref: `#/components/schemas/${cls.name}` } : describedData(type, map);
  return {
    name: type,
    title: type.replace(/^cbec\./, ''),
    summary: summaryOf(type, map),
    contentType: CLOUDEVENTS_CONTENT_TYPE,
    headers: { type: 'object', properties: { 'content-type': { type: 'string', const: CLOUDEVENTS_CONTENT_TYPE } } },
    payload: envelope(type, data),
    bindings: { kafka: { key: { type: 'string', description: keyDescription(map) }, bindingVersion: '0.5.0' } },
  };
}

/** The CloudEvents 1.0 envelope (CONTRACT 1) of one type. */
function envelope(type: string, data: Json): Json {
  return {
    type: 'object',
    required: ['specversion', 'id', 'source', 'type', 'time', 'subject', 'datacontenttype', 'data'],
    properties: {
      specversion: { type: 'string', const: '1.0' },
      id: { type: 'string', format: 'uuid', description: 'unique per event; the same id again is a duplicate' },
      source: { type: 'string', examples: ['/services/tax-permit', 'https://tmall.example/cbec'] },
      type: { type: 'string', const: type },
      time: { type: 'string', format: 'date-time' },
      subject: { type: 'string', description: 'the Kafka key: `<platformId>/<orderId>`' },
      datacontenttype: { type: 'string', const: 'application/json' },
      correlationid: { type: 'string', description: 'the first event of the chain (extension)' },
      causationid: { type: 'string', description: 'the event that caused this one (extension)' },
      step: { type: 'integer', minimum: 0, description: "the order's step, its cause's + 1 (internal topics; extension)" },
      data,
    },
  };
}

const ORDER_REF = {
  platformId: { type: 'string' },
  orderId: { type: 'string' },
};

/** A payload with no class: what the contract tables say about it, and the fields every event of its kind has. */
function describedData(type: string, map: string): Json {
  if (map === 'OUTBOUND_EVENTS') {
    const into = Object.entries(STATUS_NOTICES).find(([, notice]) => notice === type)?.[0];
    const afterSale = OUTBOUND_NOTICE_FIELDS[type];
    return {
      type: 'object',
      description: afterSale
        ? `CONTRACT 7. ${afterSale}`
        : `CONTRACT 2.3. ${type === OUTBOUND_EVENTS.statusChanged ? 'Every status change, with previousStatus and reasonCode?; it comes before the notice of the new status.' : into ? `The notice of status ${into}, after its status-changed.` : 'A platform request refused while the order goes on (refusedEventId, refusedType, reasonCode, message).'}`,
      required: ['platformId', 'orderId', 'clearanceModel', 'status', 'at', 'sequence', ...(OUTBOUND_REASONS[type]?.required ? ['reasonCode'] : [])],
      properties: {
        ...ORDER_REF,
        clearanceModel: { type: 'string', enum: [...CLEARANCE_MODELS] },
        status: { type: 'string', enum: [...CLEARANCE_STATUSES], description: 'the status after the event' },
        at: { type: 'string', format: 'date-time' },
        sequence: { type: 'integer', minimum: 1, description: '1, 2, 3... per order, no gap' },
        ...reasonProperties(OUTBOUND_REASONS[type]?.reasons),
      },
      additionalProperties: true,
    };
  }
  if (type === SINGLE_WINDOW_EVENTS.receiptRecorded) return CUSTOMS_RECEIPT_DATA;
  if (OPS_DESCRIPTIONS[type]) return { type: 'object', description: OPS_DESCRIPTIONS[type], additionalProperties: true };
  const refusal = REFUSAL_EVENTS[type];
  const status = STATUS_EVENTS[type];
  const notice = NOTICE_EVENTS[type];
  return {
    type: 'object',
    description: refusal
      ? `A platform request refused by ${refusal} (RequestRefusedData); the gateway forwards it as request-refused.v1.`
      : status
        ? `Emitted by ${status.service}; the order's status becomes ${status.status}. Later steps carry the declaration forward.`
        : notice
          ? `Emitted by ${notice.service}; the status is unchanged; the gateway tells the platform ${notice.notice} with the notice's fields.`
          : FORWARDED_TYPES.has(type)
            ? "A platform's cancel-requested passed on (CancellationForwardedData: to, the service it is for, and request, the platform's event) to the service the order went to next, after the order, on the same partition: the cancellation follows its order until the service that holds it answers."
            : `${map} event of libs/contracts.`,
    required: ['platformId', 'orderId'],
    properties: {
      ...ORDER_REF,
      clearanceModel: { type: ['string', 'null'], enum: [...CLEARANCE_MODELS, null] },
      ...(refusal ? { reasonCode: { type: 'string', enum: [...REFUSAL_REASONS] }, refusedEventId: { type: 'string' }, refusedType: { type: 'string' }, message: { type: 'string' } } : {}),
      ...(status?.status === 'REJECTED' ? reasonProperties(REJECTION_REASONS) : {}),
      ...(status || notice ? { notice: { type: 'object', description: "the platform notice's own fields, published as they are" } } : {}),
    },
    additionalProperties: true,
  };
}

/** The reason codes outbound events carry (CONTRACT 2.3, 3): always for rejected and request-refused, with a change to REJECTED for status-changed. */
const OUTBOUND_REASONS: Record<string, { reasons: readonly string[]; required: boolean }> = {
  [OUTBOUND_EVENTS.rejected]: { reasons: REJECTION_REASONS, required: true },
  [OUTBOUND_EVENTS.statusChanged]: { reasons: REJECTION_REASONS, required: false },
  [OUTBOUND_EVENTS.requestRefused]: { reasons: REFUSAL_REASONS, required: true },
};

/** reasonCode from its list; a rejection's field errors with it. */
function reasonProperties(reasons: readonly string[] | undefined): Json {
  if (!reasons) return {};
  const details = { type: 'array', description: 'field errors: what was wrong, or what customs said', items: { type: 'object', required: ['message'], properties: { field: { type: 'string' }, message: { type: 'string' } } } };
  return { reasonCode: { type: 'string', enum: [...reasons] }, ...(reasons === REJECTION_REASONS ? { details } : {}) };
}

/** receipt-recorded (CustomsReceiptData): a receipt of customs about an order, as the Single Window service read it (CONTRACT 8.4). */
const CUSTOMS_RECEIPT_DATA: Json = {
  type: 'object',
  description:
    "A receipt of customs about an order (CONTRACT 8.4), read from the Single Window's exchange folder. The gateway shows it as a customs-receipt entry of the order's timeline and in the view's customs part; the status does not change by it (inspection's events change it). For a CEB816, returnStatus is the bill's status and taxBill is set.",
  required: ['platformId', 'orderId', 'clearanceModel', 'messageType', 'guid', 'returnStatus', 'returnInfo', 'at'],
  properties: {
    ...ORDER_REF,
    clearanceModel: { type: ['string', 'null'], enum: [...CLEARANCE_MODELS, null] },
    messageType: { type: 'string', examples: ['CEB312', 'CEB622', 'CEB624', 'CEB626', 'CEB816', 'CEB900'], description: 'the receipt\'s message type' },
    guid: { type: 'string', description: 'the receipt\'s own guid: the same receipt twice is recorded once' },
    copNo: { type: 'string', description: 'the document it answers: the system\'s copNo (for CEB621 the declaration number the system gave)' },
    returnStatus: { type: 'string', examples: ['2', '120', '800', '100', '-301010'], description: 'as customs wrote it: 1 to 3 declaring, 120 accepted, 300/500 review, 399/800 released, 100 returned, 501 to 700 detained, 899 closed, 4 or negative refused by the exchange' },
    returnInfo: { type: 'string' },
    at: { type: 'string', format: 'date-time', description: 'when customs wrote it (returnTime)' },
    preNo: { type: 'string', description: 'customs\' pre-entry number' },
    invtNo: { type: 'string', description: 'customs\' inventory number (CEB622 120 on): from then on the order\'s declarationNumber' },
    taxBill: {
      type: 'object',
      description: 'CEB816 only: the electronic tax bill',
      required: ['taxNo', 'customsTax', 'valueAddedTax', 'consumptionTax', 'matchesAssessment'],
      properties: {
        taxNo: { type: 'string' },
        customsTax: { type: 'string', description: 'customs duty, a decimal string' },
        valueAddedTax: { type: 'string' },
        consumptionTax: { type: 'string' },
        matchesAssessment: { type: ['boolean', 'null'], description: 'whether the three taxes equal the assessment\'s to the cent; null while the order had no assessment' },
      },
    },
  },
  additionalProperties: true,
};

function summaryOf(type: string, map: string): string {
  if (map === 'PLATFORM_EVENTS') return `Published by a platform (${type}).`;
  if (map === 'OUTBOUND_EVENTS') return `Told to the platform by the gateway (${type}).`;
  const status = STATUS_EVENTS[type];
  if (status) return `${status.service}: the order becomes ${status.status}.`;
  if (REFUSAL_EVENTS[type]) return `${REFUSAL_EVENTS[type]}: a platform request refused.`;
  if (NOTICE_EVENTS[type]) return `${NOTICE_EVENTS[type].service}: ${NOTICE_EVENTS[type].notice.replace(/^cbec\.clearance\./, '')} to the platform, status unchanged.`;
  if (FORWARDED_TYPES.has(type)) return 'A cancellation passed on to the service the order went to next.';
  if (type === SINGLE_WINDOW_EVENTS.receiptRecorded) return 'single-window: a receipt of customs about an order, status unchanged.';
  return OPS_DESCRIPTIONS[type]?.split(' (')[0] ?? `${map} event.`;
}

function keyDescription(map: string): string {
  if (map === 'OPS_COMMANDS' || map === 'OPS_EVENTS') return '`<platformId>/<orderId>` for inspection decisions, `tariff/<hsPrefix>` for tariff commands, `dead-letter/<id>` for dead letters';
  if (map === 'TAX_PERMIT_EVENTS') return '`<platformId>/<orderId>`; `tariff/<hsPrefix>` for tariff-changed';
  return '`<platformId>/<orderId>`: every event of one order lands, in order, on one partition';
}

function channelDescription(topic: string): string {
  if (topic === TOPICS.platformInbound) return 'Platforms publish their orders and requests here (CONTRACT 2).';
  if (topic === TOPICS.platformOutbound) return 'The system tells platforms of their orders here (CONTRACT 2.3).';
  if (topic === TOPICS.opsCommands) return 'Ops commands from the gateway to the service that owns the decision; the owner answers on its own topic with requestId = the command id.';
  if (topic === TOPICS.singleWindowEvents) return "Internal: what the Single Window service publishes: customs' receipts about orders (CONTRACT 8.4), ops answers and dead-letter announcements.";
  const service = topic.replace(/^cbec\./, '').replace(/\.events$/, '');
  return `Internal: everything the ${service} service publishes (its steps, refusals, ops answers and dead-letter announcements).`;
}

function deadLetterMessage(): Json {
  const header = (description: string) => ({ type: 'string', description });
  return {
    name: 'dead-letter',
    title: 'dead letter',
    summary: 'The original message, bytes unchanged, with why it died in headers.',
    headers: {
      type: 'object',
      properties: {
        'dlq-id': header('the dead letter id (for /v1/ops/dead-letters/{id}/replay)'),
        'dlq-reason': header('why: unreadable, unknown type, or the last handler error'),
        'dlq-consumer-group': header('the consumer group that gave up'),
        'dlq-original-topic': header('where it came from'),
        'dlq-original-partition': header('its partition there'),
        'dlq-original-offset': header('its offset there'),
        'dlq-attempts': header('handler attempts (0: it could not be read)'),
        'dlq-dead-at': header('RFC 3339 time'),
      },
    },
    payload: { description: 'the original message value, as it was' },
    bindings: { kafka: { key: { type: 'string', description: 'the original key' }, bindingVersion: '0.5.0' } },
  };
}
