// GET /v1/tariffs (any key): the gateway's copy of the tariff table. PUT /v1/tariffs/{hsPrefix}
// (ops key): checked here, then sent to tax-permit, the owner, as an upsert command; 200 with the
// entry once tax-permit has saved it and the copy has it.
import { Body, Controller, Get, HttpCode, Param, Put, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { OPS_COMMANDS, tariffSubject, TariffEntryData, TariffUpsertRequestedData } from '@cbec/contracts';
import { ApiKeyGuard, OpsOnly } from '@cbec/http-edge';
import { BadRequestWithDetails } from '@cbec/http-edge';
import { ErrorBody } from '@cbec/http-edge';
import { CommandPendingBody } from '../send-command/command-answer.dto';
import { OpsCommands } from '../send-command/ops-commands.service';
import { sendReply } from '../send-command/http-reply';
import { readTariff } from '@cbec/tariff-table';
import { TariffEntryBody, TariffEntryPayload, TariffList } from '@cbec/tariff-table';
import { readTariffPut } from './tariff-put.rule';

@ApiTags('tariffs')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBody })
@Controller('v1/tariffs')
@UseGuards(ApiKeyGuard)
export class TariffsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: OpsCommands,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The tariff table, by HS prefix (any key)' })
  @ApiOkResponse({ type: TariffList })
  async list(): Promise<TariffList> {
    return { items: (await readTariff(this.dataSource.manager)) as TariffEntryPayload[] };
  }

  @Put(':hsPrefix')
  @OpsOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Add or change a tariff entry (ops key)', description: 'tax-permit, which owns the table, saves it and announces it; 202 when its answer takes longer than OPS_COMMAND_TIMEOUT_MS.' })
  @ApiOkResponse({ type: TariffEntryPayload })
  @ApiAcceptedResponse({ type: CommandPendingBody })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'an invalid entry, each field named' })
  @ApiForbiddenResponse({ type: ErrorBody })
  async upsert(@Param('hsPrefix') hsPrefix: string, @Body() body: TariffEntryBody, @Res({ passthrough: true }) response: Response) {
    const put = readTariffPut(hsPrefix, body);
    if (!put.ok) throw new BadRequestWithDetails('invalid tariff entry', put.errors);
    const data: TariffUpsertRequestedData = { entry: put.entry };
    const reply = await this.commands.sendAndReply({ type: OPS_COMMANDS.upsertTariff, subject: tariffSubject(put.entry.hsPrefix), data });
    return sendReply(response, reply, reply.status === 200 ? await this.entry(put.entry) : undefined);
  }

  /** The entry as the copy has it now (the answer and the copy are written together); else as sent. */
  private async entry(sent: TariffEntryData): Promise<TariffEntryData> {
    const row = (await readTariff(this.dataSource.manager)).find((entry) => entry.hsPrefix === sent.hsPrefix);
    return row ?? sent;
  }
}
