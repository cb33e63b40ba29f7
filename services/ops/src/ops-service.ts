// The ops service's name, schema and consumer group, in one place for its module and its views.
export const OPS_SERVICE = {
  service: 'ops',
  schema: 'ops',
  consumerGroup: 'cbec.ops',
} as const;
