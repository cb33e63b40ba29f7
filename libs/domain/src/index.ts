// The pure rules of clearance: inputs in, decision out, no I/O.
export * from './money';
export * from './resident-id';
export * from './tariff';
export * from './order-intake';
export * from './freight-share';
export * from './retail-limits';
export * from './tax';
export * from './inspection-rules';
export * from './judge-order-intake';
export * from './content-hash';
export * from './tax-lines';
export * from './quote';
export * from './return-refund';
export * from './return-requests';
export * from './cancellation';
export * from './tax-bill';
