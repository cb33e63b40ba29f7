export * from './builders';
export * from './infrastructure';
export * from './probes';
export * from './system';
export * from './browser';
export * from './gateway-client';
export * from './hostile-input';
