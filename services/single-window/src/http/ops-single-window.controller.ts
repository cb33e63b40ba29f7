// The ops calls of the Single Window (CONTRACT 8.5, ops key): re-send a message (built again
// from the current data, with a new guid), and what the ops page lists: receipt files set aside,
// messages the exchange refused and not re-sent since, tax bills that differ from the assessment.
import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { validatePayload } from '@cbec/contracts';
import { ApiKeyGuard, BadRequestWithDetails, ErrorBody, OpsOnly } from '@cbec/http-edge';
import { CustomsMessage, FailedReceiptFile } from '../persistence/customs-message.entity';
import { CustomsOrder } from '../persistence/customs-order.entity';
import { Resend } from './resend';
import { FailedReceiptFileItem, RefusedMessageItem, ResendBody, ResentMessage, TaxBillDifferenceItem } from './single-window.dto';

const LISTED = 200;

@ApiTags('single-window')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBody })
@ApiForbiddenResponse({ type: ErrorBody, description: 'not the ops key' })
@Controller('v1/ops/single-window')
@UseGuards(ApiKeyGuard)
@OpsOnly()
export class OpsSingleWindowController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly resend: Resend,
  ) {}

  @Post(':platformId/:orderId/resend')
  @HttpCode(202)
  @ApiOperation({ summary: 'Build a message of the order again from the current data, with a new guid, and send it (ops key)' })
  @ApiAcceptedResponse({ type: ResentMessage })
  @ApiBadRequestResponse({ type: ErrorBody })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'the order has no such message to send again yet' })
  async resendMessage(@Param('platformId') platformId: string, @Param('orderId') orderId: string, @Body() body: ResendBody): Promise<ResentMessage> {
    const { value, errors } = validatePayload(ResendBody, body ?? {});
    if (!value) throw new BadRequestWithDetails('invalid re-send request', errors);
    const sent = await this.resend.send({ platformId, orderId }, value.messageType);
    if (!sent) throw new NotFoundException(`no order ${platformId}/${orderId} was declared to the Single Window`);
    return { messageType: sent.messageType, guid: sent.guid, copNo: sent.copNo!, appType: sent.appType! };
  }

  @Get('failed-receipts')
  @ApiOperation({ summary: 'Receipt files that could not be read, newest first (ops key)' })
  @ApiOkResponse({ type: [FailedReceiptFileItem] })
  async failedReceipts(): Promise<FailedReceiptFileItem[]> {
    const files = await this.dataSource.getRepository(FailedReceiptFile).find({ order: { id: 'DESC' }, take: LISTED });
    return files.map(({ fileName, reason, at }) => ({ fileName, reason, at: at.toISOString() }));
  }

  @Get('refused')
  @ApiOperation({ summary: 'Messages the exchange refused and nobody re-sent yet, newest first (ops key)' })
  @ApiOkResponse({ type: [RefusedMessageItem] })
  async refused(): Promise<RefusedMessageItem[]> {
    const messages = await this.dataSource
      .getRepository(CustomsMessage)
      .createQueryBuilder('m')
      .where(`m.direction = 'OUT' AND m.refused_at IS NOT NULL AND m.resent_as IS NULL`)
      .orderBy('m.refused_at', 'DESC')
      .take(LISTED)
      .getMany();
    return messages.map((m) => {
      const [returnStatus, ...info] = (m.refusal ?? '').split(': ');
      return { platformId: m.platformId!, orderId: m.orderId!, messageType: m.messageType, guid: m.guid, copNo: m.copNo ?? '', returnStatus, returnInfo: info.join(': '), at: m.refusedAt!.toISOString() };
    });
  }

  @Get('tax-bill-differences')
  @ApiOperation({ summary: 'Orders whose CEB816 tax bill differs from the assessment (ops key)' })
  @ApiOkResponse({ type: [TaxBillDifferenceItem] })
  async taxBillDifferences(): Promise<TaxBillDifferenceItem[]> {
    const orders = await this.dataSource
      .getRepository(CustomsOrder)
      .createQueryBuilder('o')
      .where(`o.tax_bill ->> 'matchesAssessment' = 'false'`)
      .orderBy('o.updated_at', 'DESC')
      .take(LISTED)
      .getMany();
    return orders.map((o) => ({
      platformId: o.platformId,
      orderId: o.orderId,
      invtNo: o.invtNo ?? o.copNo ?? '',
      taxNo: o.taxBill!.taxNo,
      bill: { customsTax: o.taxBill!.customsTax, valueAddedTax: o.taxBill!.valueAddedTax, consumptionTax: o.taxBill!.consumptionTax },
      assessment: { duty: o.assessment!.duty, valueAddedTax: o.assessment!.vat, consumptionTax: o.assessment!.consumptionTax },
      at: o.updatedAt.toISOString(),
    }));
  }
}
