export * from './tariff-table';
export * from './tariff-entry.payload';
export * from './update-tariff-copy-when-changed.handler';
