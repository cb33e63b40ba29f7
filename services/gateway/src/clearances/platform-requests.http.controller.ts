// POST /v1/clearances/{platformId}/{orderId}/proofs|payments|receipt (CONTRACT 5): a platform's
// requests over REST. 202 once the request is durably published; the business answer (a new
// status, or request-refused) follows in the view's timeline and on cbec.platform.outbound.
import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { GoodsReceivedData, ProofSubmittedData, TaxPaidData } from '@cbec/contracts';
import { ErrorBody } from '../docs/error-body.dto';
import type { Principal } from '../http/api-keys';
import { ApiKeyGuard, CurrentPrincipal } from '../http/auth.guard';
import { RequestAcceptedBody } from './clearance-view.dto';
import { contractSchemaOf } from './contract-schema';
import { SubmitPlatformRequest } from './submit-platform-request.service';

const FROM_PATH = { optional: ['platformId', 'orderId'] };

@ApiTags('clearances')
@ApiBearerAuth()
@Controller('v1/clearances/:platformId/:orderId')
@UseGuards(ApiKeyGuard)
@ApiAcceptedResponse({ type: RequestAcceptedBody, description: 'published; the answer follows in the timeline and on cbec.platform.outbound' })
@ApiBadRequestResponse({ type: ErrorBody, description: 'an invalid body, every bad field named in details' })
@ApiUnauthorizedResponse({ type: ErrorBody })
@ApiNotFoundResponse({ type: ErrorBody, description: 'unknown order, or another platform\'s' })
@ApiPayloadTooLargeResponse({ type: ErrorBody, description: 'body over 1 MiB' })
@ApiUnsupportedMediaTypeResponse({ type: ErrorBody, description: 'not application/json' })
export class PlatformRequestsController {
  constructor(private readonly requests: SubmitPlatformRequest) {}

  @Post('proofs')
  @HttpCode(202)
  @ApiOperation({ summary: 'Submit proof of price (proof-submitted.v1 data)', description: 'platformId and orderId may be left out of the body; they come from the path.' })
  @ApiBody({ schema: contractSchemaOf(ProofSubmittedData, FROM_PATH) })
  proofs(@CurrentPrincipal() principal: Principal, @Param('platformId') platformId: string, @Param('orderId') orderId: string, @Body() body: unknown): Promise<RequestAcceptedBody> {
    return this.requests.submit(principal, 'proofs', { platformId, orderId }, body);
  }

  @Post('payments')
  @HttpCode(202)
  @ApiOperation({ summary: 'Pay the assessed tax (tax-paid.v1 data)', description: 'amount must equal the assessed total, else request-refused PAYMENT_AMOUNT_MISMATCH follows.' })
  @ApiBody({ schema: contractSchemaOf(TaxPaidData, FROM_PATH) })
  payments(@CurrentPrincipal() principal: Principal, @Param('platformId') platformId: string, @Param('orderId') orderId: string, @Body() body: unknown): Promise<RequestAcceptedBody> {
    return this.requests.submit(principal, 'payments', { platformId, orderId }, body);
  }

  @Post('receipt')
  @HttpCode(202)
  @ApiOperation({ summary: 'Confirm the consignee received the goods (goods-received.v1 data)', description: 'SIGNATURE for model I; PICKUP with the pickup code of the view\'s pickup for models II and III.' })
  @ApiBody({ schema: contractSchemaOf(GoodsReceivedData, FROM_PATH) })
  receipt(@CurrentPrincipal() principal: Principal, @Param('platformId') platformId: string, @Param('orderId') orderId: string, @Body() body: unknown): Promise<RequestAcceptedBody> {
    return this.requests.submit(principal, 'receipt', { platformId, orderId }, body);
  }
}
