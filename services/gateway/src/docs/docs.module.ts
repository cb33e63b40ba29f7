// The AsyncAPI document at /asyncapi (the OpenAPI one is set up in main.ts, documents.ts).
import { Module } from '@nestjs/common';
import { AsyncApiController } from './asyncapi.controller';

@Module({ controllers: [AsyncApiController] })
export class DocsModule {}
