// The REST side of ops and reference data: inspection decisions, tariffs, dead letters, the
// overview, the pending-command answers, the AsyncAPI document and the ops page. Its tables and
// handlers are in OPS (ops.parts.ts), which the AppModule hands to the service kit.
import { Module } from '@nestjs/common';
import { AsyncApiController } from '../docs/asyncapi.controller';
import { InspectionDecisionController } from '../inspections/inspection-decision.controller';
import { OpsPageController } from '../ops-page/ops-page.controller';
import { TariffsController } from '../tariffs/tariffs.controller';
import { ClearanceViewQueries } from './clearance-view.queries';
import { CommandGateway } from './commands/command-gateway.service';
import { CommandsController } from './commands/commands.controller';
import { DeadLetterViews } from './dead-letters/dead-letter-views';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { opsConfigProvider } from './ops.config';
import { ConsumerLag } from './overview/consumer-lag';
import { OverviewController } from './overview/overview.controller';

@Module({
  controllers: [InspectionDecisionController, TariffsController, DeadLettersController, OverviewController, CommandsController, AsyncApiController, OpsPageController],
  providers: [opsConfigProvider, CommandGateway, ClearanceViewQueries, DeadLetterViews, ConsumerLag],
})
export class OpsModule {}
