// POST /v1/quotes (CONTRACT 7.1): a landed-cost quote before checkout, for any key.
import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { QuoteRequestData } from '@cbec/contracts';
import { contractSchemaOf } from '../clearances/contract-schema';
import { ErrorBody } from '@cbec/http-edge';
import { ApiKeyGuard } from '@cbec/http-edge';
import { BadRequestWithDetails } from '@cbec/http-edge';
import { QuoteBody } from './quote.dto';
import { QuoteLandedCost } from './quote-landed-cost.service';
import { readQuoteRequest } from './quote-request.rule';

@ApiTags('quotes')
@ApiBearerAuth()
@Controller('v1/quotes')
@UseGuards(ApiKeyGuard)
export class QuotesController {
  constructor(private readonly quotes: QuoteLandedCost) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'A landed-cost quote before checkout (CONTRACT 7.1)',
    description:
      'The tax exactly as the assessment of the same order would say it (the same rules and code), and whether the order can clear: UNKNOWN_HS_CODE, PROHIBITED_GOODS, NOT_ON_POSITIVE_LIST, SINGLE_LIMIT_EXCEEDED, and, with consumer.idNumber, ANNUAL_LIMIT_EXCEEDED against the consumer\'s annual total of all platforms as far as the gateway has heard (it may lag orders in flight by moments; the assessment decides). Never shows the annual total itself. Writes nothing.',
  })
  @ApiBody({ schema: contractSchemaOf(QuoteRequestData) })
  @ApiOkResponse({ type: QuoteBody })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'every field error, the ID checksum included' })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  async quote(@Body() body: unknown): Promise<QuoteBody> {
    const { request, errors } = readQuoteRequest(body);
    if (!request) throw new BadRequestWithDetails('invalid quote request', errors);
    return this.quotes.quote(request);
  }
}
