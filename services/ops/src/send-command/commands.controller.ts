// GET /v1/ops/commands/{requestId}: the answer to an ops command that replied 202 PENDING.
import { Controller, Get, NotFoundException, Param, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyGuard, OpsOnly } from '@cbec/http-edge';
import { ErrorBody } from '@cbec/http-edge';
import { CommandAppliedBody, CommandPendingBody } from './command-answer.dto';
import { OpsCommands } from './ops-commands.service';
import { replyTo } from './command-reply.rule';
import { sendReply } from './http-reply';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('v1/ops/commands')
@UseGuards(ApiKeyGuard)
@OpsOnly()
export class CommandsController {
  constructor(private readonly commands: OpsCommands) {}

  @Get(':requestId')
  @ApiOperation({ summary: 'The answer to an ops command (ops key)', description: 'As the command itself would have replied: 200 APPLIED, 409/400 REFUSED, 202 still PENDING.' })
  @ApiOkResponse({ type: CommandAppliedBody })
  @ApiAcceptedResponse({ type: CommandPendingBody })
  @ApiConflictResponse({ type: ErrorBody })
  @ApiNotFoundResponse({ type: ErrorBody })
  async answer(@Param('requestId') requestId: string, @Res({ passthrough: true }) response: Response) {
    const command = await this.commands.find(requestId);
    if (!command) throw new NotFoundException(`no ops command ${requestId} is known`);
    return sendReply(response, replyTo(command.commandType, command.requestId, command.answer));
  }
}
