export * from './bootstrap';
export * from './config';
export * from './consumer-key-secret';
export * from './database';
export * from './health.controller';
export * from './nest-logger';
export * from './service-kit.module';
export * from './tokens';
