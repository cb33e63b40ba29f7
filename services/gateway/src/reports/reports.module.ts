// Reports beside the read model, for ops: the overview, the flow of orders and an order's
// particulars, read from the clearance view.
import { Module } from '@nestjs/common';
import { OpsPipelineClient } from '../forward-to-services/ops-pipeline';
import { ClearanceViewQueries } from './clearance-view.queries';
import { FlowController } from './flow/flow.controller';
import { FlowQueries } from './flow/flow.queries';
import { OverviewController } from './overview/overview.controller';
import { ParticularsController } from './particulars/particulars.controller';

@Module({
  controllers: [OverviewController, FlowController, ParticularsController],
  providers: [ClearanceViewQueries, FlowQueries, OpsPipelineClient],
})
export class ReportsModule {}
