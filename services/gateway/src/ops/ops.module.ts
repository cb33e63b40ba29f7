// The REST side of ops and reference data: inspection decisions, tariffs, dead letters, the
// overview, the flow of orders, the topics view, order particulars, the pending-command answers,
// the AsyncAPI document and the ops console. Its tables and handlers are in OPS (ops.parts.ts),
// which the AppModule hands to the service kit.
import { Module } from '@nestjs/common';
import { AsyncApiController } from '../docs/asyncapi.controller';
import { InspectionDecisionController } from '../inspections/inspection-decision.controller';
import { ConsoleAssets } from '../ops-page/console-assets';
import { OpsPageController } from '../ops-page/ops-page.controller';
import { TariffsController } from '../tariffs/tariffs.controller';
import { ClearanceViewQueries } from './clearance-view.queries';
import { ClusterAdmin } from './cluster/cluster-admin';
import { CommandGateway } from './commands/command-gateway.service';
import { CommandsController } from './commands/commands.controller';
import { DeadLetterViews } from './dead-letters/dead-letter-views';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { FlowController } from './flow/flow.controller';
import { FlowQueries } from './flow/flow.queries';
import { opsConfigProvider } from './ops.config';
import { ConsumerLag } from './overview/consumer-lag';
import { OverviewController } from './overview/overview.controller';
import { ParticularsController } from './particulars/particulars.controller';
import { ClusterViewController } from './topics/cluster-view.controller';
import { ClusterView } from './topics/cluster-view.service';

@Module({
  controllers: [
    InspectionDecisionController,
    TariffsController,
    DeadLettersController,
    OverviewController,
    FlowController,
    ClusterViewController,
    ParticularsController,
    CommandsController,
    AsyncApiController,
    OpsPageController,
  ],
  providers: [opsConfigProvider, CommandGateway, ClearanceViewQueries, DeadLetterViews, ClusterAdmin, ConsumerLag, ClusterView, FlowQueries, ConsoleAssets],
})
export class OpsModule {}
