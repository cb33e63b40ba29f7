// GET /asyncapi (no key): the AsyncAPI document, built once from libs/contracts.
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BASE_CONFIG, BaseConfig } from '@cbec/service-kit';
import { buildAsyncApi } from './asyncapi.builder';

@ApiTags('documents')
@Controller('asyncapi')
export class AsyncApiController {
  private document?: Record<string, unknown>;

  constructor(@Inject(BASE_CONFIG) private readonly config: BaseConfig) {}

  @Get()
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'AsyncAPI 3.0 document of every topic and event type (no key)' })
  @ApiOkResponse({ description: 'the AsyncAPI document (JSON)' })
  asyncApi(): Record<string, unknown> {
    this.document ??= buildAsyncApi({ version: DOCUMENT_VERSION, brokers: this.config.kafkaBrokers });
    return this.document;
  }
}

export const DOCUMENT_VERSION = '1.0.0';
