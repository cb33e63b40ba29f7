// The HTTP edge of the services that answer CONTRACT 5's calls (the gateway and ops): bearer API
// keys and the ops role, the contract's error shape, JSON bodies up to 1 MiB.
export * from './api-keys';
export * from './auth.guard';
export * from './error-body.dto';
export * from './error.filter';
export * from './http-edge.module';
export * from './http-setup';
export * from './pipeline-bodies.dto';
