// POST /v1/orders (CONTRACT 5): a platform submits an order (order-placed data) over REST.
import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { OrderPlacedData } from '@cbec/contracts';
import { ErrorBody } from '@cbec/http-edge';
import type { Principal } from '@cbec/http-edge';
import { ApiKeyGuard, CurrentPrincipal } from '@cbec/http-edge';
import { contractSchemaOf } from '../clearances/contract-schema';
import { OrderAcceptedBody } from './order-accepted.dto';
import { PlaceOrder } from './place-order.service';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('v1/orders')
@UseGuards(ApiKeyGuard)
export class PlaceOrderController {
  constructor(private readonly orders: PlaceOrder) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Submit an order (order-placed data, CONTRACT 2.1)',
    description:
      'Durably accepted and visible to GET at once (RECEIVED). A malformed order is 400 with every field error; an unsupported currency, an identity or a payment mismatch is accepted and then REJECTED with its reason by the order service, as on Kafka. The same order again answers its current state; different content is 409, unless the order was rejected at intake, in which case the corrected order starts afresh.',
  })
  @ApiBody({ schema: contractSchemaOf(OrderPlacedData) })
  @ApiAcceptedResponse({ type: OrderAcceptedBody })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'INVALID_ORDER: every field error, the ID checksum included' })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'a platform key submitting another platform\'s order' })
  @ApiConflictResponse({ type: ErrorBody, description: 'the order was already accepted with different content' })
  @ApiPayloadTooLargeResponse({ type: ErrorBody, description: 'body over 1 MiB' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorBody, description: 'not application/json' })
  place(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<OrderAcceptedBody> {
    return this.orders.place(principal, body);
  }
}
