// The HTTP edge as one global module: API keys (read and checked at start-up), the
// guard every /v1 controller uses, and the filter that gives every error the contract's shape.
import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Logger } from '@cbec/messaging';
import { LOGGER } from '@cbec/service-kit';
import { ApiKeys } from './api-keys';
import { ApiKeyGuard } from './auth.guard';
import { ErrorShapeFilter } from './error.filter';

@Global()
@Module({
  providers: [
    { provide: ApiKeys, useFactory: () => ApiKeys.parse(process.env.GATEWAY_API_KEYS) },
    ApiKeyGuard,
    { provide: APP_FILTER, inject: [LOGGER], useFactory: (log: Logger) => new ErrorShapeFilter(log) },
  ],
  exports: [ApiKeys, ApiKeyGuard],
})
export class HttpEdgeModule {}
