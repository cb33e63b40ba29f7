// POST /v1/inspections/{platformId}/{orderId}/decision (ops key): the decision travels to the
// inspection service as a command; 200 once it has applied it, 409 when the order is not waiting
// for an officer, 202 when its answer is late.
import { Body, Controller, Headers, HttpCode, NotFoundException, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { IDENTIFIER_PATTERN, InspectionDecisionData, OPS_COMMANDS, orderKey, validatePayload } from '@cbec/contracts';
import { ApiKeyGuard, BadRequestWithDetails, CurrentPrincipal, ErrorBody, OpsOnly, Principal } from '@cbec/http-edge';
import { CommandAppliedBody, CommandPendingBody } from '../send-command/command-answer.dto';
import { OpsCommands } from '../send-command/ops-commands.service';
import { sendReply } from '../send-command/http-reply';
import { InspectionDecisionBody } from './inspection-decision.body';
import { KnownOrders } from './known-orders';

@ApiTags('inspections')
@ApiBearerAuth()
@Controller('v1/inspections')
@UseGuards(ApiKeyGuard)
@OpsOnly()
export class InspectionDecisionController {
  constructor(
    private readonly orders: KnownOrders,
    private readonly commands: OpsCommands,
  ) {}

  @Post(':platformId/:orderId/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide an inspection: RELEASE or FAIL an order held for review or in quarantine (ops key)' })
  @ApiOkResponse({ type: CommandAppliedBody })
  @ApiAcceptedResponse({ type: CommandPendingBody, description: 'inspection has not answered within OPS_COMMAND_TIMEOUT_MS' })
  @ApiBadRequestResponse({ type: ErrorBody })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  @ApiForbiddenResponse({ type: ErrorBody })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'the order is not waiting for an officer' })
  async decide(@Param('platformId') platformId: string, @Param('orderId') orderId: string, @Body() body: InspectionDecisionBody, @CurrentPrincipal() principal: Principal, @Headers('authorization') authorization: string, @Res({ passthrough: true }) response: Response) {
    const { value, errors } = validatePayload(InspectionDecisionBody, body);
    if (!value) throw new BadRequestWithDetails('invalid inspection decision', errors);
    if (!IDENTIFIER_PATTERN.test(platformId) || !IDENTIFIER_PATTERN.test(orderId) || !(await this.orders.knows(platformId, orderId, authorization))) throw new NotFoundException(`no order ${platformId}/${orderId}`);
    const data: InspectionDecisionData = { platformId, orderId, decision: value.decision, ...(value.note ? { note: value.note } : {}), decidedBy: principal.platformId };
    const reply = await this.commands.sendAndReply({ type: OPS_COMMANDS.decideInspection, subject: orderKey(platformId, orderId), data });
    return sendReply(response, reply);
  }
}
