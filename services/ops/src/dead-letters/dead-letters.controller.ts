// GET /v1/ops/dead-letters and POST /v1/ops/dead-letters/{id}/replay (ops key): browse what every
// consumer group dead-lettered, and ask the owning group to put one back on its topic. For the
// console: the counts by group and reason, and one letter with what became of its replay.
import { Controller, Get, HttpCode, NotFoundException, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { DeadLetterReplayRequestedData, deadLetterSubject, OPS_COMMANDS } from '@cbec/contracts';
import { ApiKeyGuard, OpsOnly } from '@cbec/http-edge';
import { BadRequestWithDetails } from '@cbec/http-edge';
import { ErrorBody } from '@cbec/http-edge';
import { CommandAppliedBody, CommandPendingBody } from '../send-command/command-answer.dto';
import { OpsCommands } from '../send-command/ops-commands.service';
import { sendReply } from '../send-command/http-reply';
import { readDeadLetterQuery } from './dead-letter-query.rule';
import { DeadLetterViews } from './dead-letter-views';
import { ConsumerLag } from '../cluster/consumer-lag';
import { DeadLetterDetail, DeadLetterPage, DeadLetterQueryParams, DeadLetterSummary } from './dead-letters.dto';
import { replayOutcome } from './replay-outcome.rule';

@ApiTags('ops')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBody })
@ApiForbiddenResponse({ type: ErrorBody, description: 'not the ops key' })
@Controller('v1/ops/dead-letters')
@UseGuards(ApiKeyGuard)
@OpsOnly()
export class DeadLettersController {
  constructor(
    private readonly deadLetters: DeadLetterViews,
    private readonly commands: OpsCommands,
    private readonly lag: ConsumerLag,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Dead letters of every consumer group, newest first (ops key)' })
  @ApiOkResponse({ type: DeadLetterPage })
  @ApiBadRequestResponse({ type: ErrorBody })
  list(@Query() params: DeadLetterQueryParams): Promise<DeadLetterPage> {
    const read = readDeadLetterQuery(params as Record<string, unknown>);
    if (!read.ok) throw new BadRequestWithDetails('invalid dead-letter query', read.errors);
    return this.deadLetters.page(read.query);
  }

  @Get('summary')
  @ApiOperation({ summary: 'Dead letters counted by consumer group and reason (ops key)' })
  @ApiOkResponse({ type: DeadLetterSummary })
  async summary(): Promise<DeadLetterSummary> {
    return { reasons: await this.deadLetters.summary() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One dead letter, and what became of its last replay (ops key)' })
  @ApiOkResponse({ type: DeadLetterDetail })
  @ApiNotFoundResponse({ type: ErrorBody })
  async one(@Param('id') id: string): Promise<DeadLetterDetail> {
    const letter = await this.deadLetters.find(id);
    if (!letter) throw new NotFoundException(`no dead letter ${id}`);
    if (!letter.replayedAt) return { ...letter, replay: replayOutcome({ replayedAt: null, lagOnTopic: null, now: Date.now() }) };
    const [again, [group]] = await Promise.all([this.deadLetters.failedAgain(letter), this.lag.ofGroups([letter.consumerGroup])]);
    const lagOnTopic = group.lag === null ? null : (group.topics.find((topic) => topic.topic === letter.topic)?.lag ?? null);
    return { ...letter, replay: replayOutcome({ replayedAt: letter.replayedAt, failedAgain: again, lagOnTopic, now: Date.now() }) };
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a dead letter back on its topic (ops key)', description: 'The owning consumer group replays it and answers; 202 when its answer takes longer than OPS_COMMAND_TIMEOUT_MS.' })
  @ApiOkResponse({ type: CommandAppliedBody })
  @ApiAcceptedResponse({ type: CommandPendingBody })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'the owning group no longer holds it' })
  async replay(@Param('id') id: string, @Res({ passthrough: true }) response: Response) {
    const letter = await this.deadLetters.find(id);
    if (!letter) throw new NotFoundException(`no dead letter ${id}`);
    const data: DeadLetterReplayRequestedData = { id: letter.id, consumerGroup: letter.consumerGroup };
    const reply = await this.commands.sendAndReply({ type: OPS_COMMANDS.replayDeadLetter, subject: deadLetterSubject(letter.id), data });
    return sendReply(response, reply);
  }
}
