export * from './tariff-table';
