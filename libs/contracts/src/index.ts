import 'reflect-metadata';
export * from './vocabulary';
export * from './topics';
export * from './event-types';
export * from './payloads/field-rules';
export * from './payloads/order-placed';
export * from './payloads/platform-requests';
export * from './payloads/validate';
export * from './internal-events';
