// GET /v1/clearances/{platformId}/{orderId}/messages (CONTRACT 8.5): an order's messages to and
// from the Single Window, in order, and each one's XML. A platform sees its own orders, ops any;
// reached through the gateway's port.
import { Controller, Get, Header, NotFoundException, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ApiKeyGuard, canSee, CurrentPrincipal, ErrorBody, Principal } from '@cbec/http-edge';
import { CustomsMessage } from '../persistence/customs-message.entity';
import { CustomsMessageItem } from './single-window.dto';

@ApiTags('single-window')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBody })
@Controller('v1/clearances/:platformId/:orderId/messages')
@UseGuards(ApiKeyGuard)
export class MessagesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'The order\'s Single Window messages and customs\' receipts, in order' })
  @ApiOkResponse({ type: [CustomsMessageItem] })
  @ApiNotFoundResponse({ type: ErrorBody })
  async list(@Param('platformId') platformId: string, @Param('orderId') orderId: string, @CurrentPrincipal() principal: Principal): Promise<CustomsMessageItem[]> {
    if (!canSee(principal, platformId)) throw notFound(platformId, orderId);
    const messages = await this.dataSource.getRepository(CustomsMessage).find({ where: { platformId, orderId }, order: { seq: 'ASC' }, select: ['guid', 'messageType', 'direction', 'copNo', 'at', 'returnStatus', 'returnInfo', 'seq'] });
    if (messages.length === 0) throw notFound(platformId, orderId);
    return messages.map(({ messageType, direction, guid, copNo, at, returnStatus, returnInfo }) => ({
      messageType,
      direction,
      guid,
      ...(copNo ? { copNo } : {}),
      at: at.toISOString(),
      ...(returnStatus !== null ? { returnStatus } : {}),
      ...(returnInfo !== null ? { returnInfo } : {}),
    }));
  }

  @Get(':guid')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiOperation({ summary: 'One message or receipt of the order, as XML' })
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'the message as sent or received', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ErrorBody })
  async xml(@Param('platformId') platformId: string, @Param('orderId') orderId: string, @Param('guid') guid: string, @CurrentPrincipal() principal: Principal): Promise<string> {
    const message = canSee(principal, platformId) ? await this.dataSource.getRepository(CustomsMessage).findOne({ where: { platformId, orderId, guid } }) : null;
    if (!message) throw new NotFoundException(`no message ${guid} of order ${platformId}/${orderId}`);
    return message.xml;
  }
}

function notFound(platformId: string, orderId: string): NotFoundException {
  return new NotFoundException(`no Single Window message of order ${platformId}/${orderId}`);
}
