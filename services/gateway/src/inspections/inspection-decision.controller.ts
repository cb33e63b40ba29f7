// POST /v1/inspections/{platformId}/{orderId}/decision (ops key): the decision travels to the
// inspection service as a command; 200 once it has applied it, 409 when the order is not waiting
// for an officer, 202 when its answer is late.
import { Body, Controller, HttpCode, NotFoundException, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { IDENTIFIER_PATTERN, InspectionDecisionData, OPS_COMMANDS, orderKey, validatePayload } from '@cbec/contracts';
import { ApiKeyGuard, CurrentPrincipal, OpsOnly } from '../http/auth.guard';
import type { Principal } from '../http/api-keys';
import { BadRequestWithDetails } from '../http/error.filter';
import { ErrorBody } from '../docs/error-body.dto';
import { ClearanceViewQueries } from '../ops/clearance-view.queries';
import { CommandAppliedBody, CommandPendingBody } from '../ops/commands/command-answer.dto';
import { CommandGateway } from '../ops/commands/command-gateway.service';
import { sendReply } from '../ops/commands/http-reply';
import { InspectionDecisionBody } from './inspection-decision.body';

@ApiTags('inspections')
@ApiBearerAuth()
@Controller('v1/inspections')
@UseGuards(ApiKeyGuard)
@OpsOnly()
export class InspectionDecisionController {
  constructor(
    private readonly clearances: ClearanceViewQueries,
    private readonly commands: CommandGateway,
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
  async decide(@Param('platformId') platformId: string, @Param('orderId') orderId: string, @Body() body: InspectionDecisionBody, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { value, errors } = validatePayload(InspectionDecisionBody, body);
    if (!value) throw new BadRequestWithDetails('invalid inspection decision', errors);
    if (!IDENTIFIER_PATTERN.test(platformId) || !IDENTIFIER_PATTERN.test(orderId) || !(await this.clearances.knows(platformId, orderId))) throw new NotFoundException(`no order ${platformId}/${orderId}`);
    const data: InspectionDecisionData = { platformId, orderId, decision: value.decision, ...(value.note ? { note: value.note } : {}), decidedBy: principal.platformId };
    const reply = await this.commands.sendAndReply({ type: OPS_COMMANDS.decideInspection, subject: orderKey(platformId, orderId), data });
    return sendReply(response, reply);
  }
}
