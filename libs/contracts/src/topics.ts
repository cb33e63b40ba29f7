// Every Kafka topic of the system. The two platform topics are public (CONTRACT 2); the others
// are internal: each service publishes on its own `cbec.<service>.events` topic.

export const TOPICS = {
  platformInbound: 'cbec.platform.inbound',
  platformOutbound: 'cbec.platform.outbound',
  orderEvents: 'cbec.order.events',
  declarationEvents: 'cbec.declaration.events',
  inspectionEvents: 'cbec.inspection.events',
  taxPermitEvents: 'cbec.tax-permit.events',
  logisticsEvents: 'cbec.logistics.events',
  singleWindowEvents: 'cbec.single-window.events',
  opsCommands: 'cbec.ops.commands',
} as const;
export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/** Each consumer group dead-letters what it cannot read into its own topic. */
export function deadLetterTopic(consumerGroup: string): string {
  return `${consumerGroup}.dlq`;
}

/** The Kafka key and the CloudEvents subject of every event about one order. */
export function orderKey(platformId: string, orderId: string): string {
  return `${platformId}/${orderId}`;
}

export function parseOrderKey(key: string): { platformId: string; orderId: string } | undefined {
  const slash = key.indexOf('/');
  if (slash <= 0 || slash === key.length - 1) return undefined;
  return { platformId: key.slice(0, slash), orderId: key.slice(slash + 1) };
}
