// POST /v1/clearances/{platformId}/{orderId}/proofs|payments|receipt|cancellation|returns and
// .../returns/{returnId}/arrival (CONTRACT 5, 7): a platform's requests over REST. 202 once the request is durably published; the business answer (a new
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
import { CancelRequestedData, GoodsReceivedData, ProofSubmittedData, ReturnReceivedData, ReturnRequestedData, TaxPaidData } from '@cbec/contracts';
import { ErrorBody } from '@cbec/http-edge';
import type { Principal } from '@cbec/http-edge';
import { ApiKeyGuard, CurrentPrincipal } from '@cbec/http-edge';
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

  @Post('cancellation')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Withdraw the order before the goods move (cancel-requested.v1 data, CONTRACT 7.2)',
    description:
      'Accepted before IN_TRANSIT: the order becomes CANCELLED (its last status), with cancelled.v1 carrying the refund where tax was paid or withheld, and the consumer\'s annual quota is given back. From IN_TRANSIT on, and on a COMPLETED or RETURNED order: CANCELLATION_TOO_LATE; on a REJECTED or CANCELLED order: UNEXPECTED_EVENT.',
  })
  @ApiBody({ schema: contractSchemaOf(CancelRequestedData, FROM_PATH) })
  cancellation(@CurrentPrincipal() principal: Principal, @Param('platformId') platformId: string, @Param('orderId') orderId: string, @Body() body: unknown): Promise<RequestAcceptedBody> {
    return this.requests.submit(principal, 'cancellation', { platformId, orderId }, body);
  }

  @Post('returns')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask to return goods of a completed retail order (return-requested.v1 data, CONTRACT 7.3)',
    description:
      'Checked in order: the shape, the order COMPLETED (UNEXPECTED_EVENT), a retail model (RETURN_NOT_ALLOWED), within RETURN_WINDOW_MS of completedAt (RETURN_WINDOW_CLOSED), the quantities with earlier returns (RETURN_QUANTITY_EXCEEDED). Accepted: return-accepted.v1 with returnTo and returnBy; the status stays COMPLETED.',
  })
  @ApiBody({ schema: contractSchemaOf(ReturnRequestedData, FROM_PATH) })
  returns(@CurrentPrincipal() principal: Principal, @Param('platformId') platformId: string, @Param('orderId') orderId: string, @Body() body: unknown): Promise<RequestAcceptedBody> {
    return this.requests.submit(principal, 'returns', { platformId, orderId }, body);
  }

  @Post('returns/:returnId/arrival')
  @HttpCode(202)
  @ApiOperation({
    summary: 'The goods of a return are back (return-received.v1 data, CONTRACT 7.3)',
    description: 'Body `{ receivedAt }`. The return completes with the refund per line and the quota given back (return-completed.v1); with every unit of the order back, the order is RETURNED first. An unknown or completed returnId: UNEXPECTED_EVENT.',
  })
  @ApiBody({ schema: contractSchemaOf(ReturnReceivedData, { optional: ['platformId', 'orderId', 'returnId'] }) })
  arrival(
    @CurrentPrincipal() principal: Principal,
    @Param('platformId') platformId: string,
    @Param('orderId') orderId: string,
    @Param('returnId') returnId: string,
    @Body() body: unknown,
  ): Promise<RequestAcceptedBody> {
    return this.requests.submit(principal, 'arrival', { platformId, orderId, returnId }, body);
  }
}
