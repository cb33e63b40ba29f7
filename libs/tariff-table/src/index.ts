export * from './tariff-table';
export * from './tariff-entry.payload';
