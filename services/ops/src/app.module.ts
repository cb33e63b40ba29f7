// The ops service (ARCHITECTURE "Ops commands and reference data"): sends ops commands to the
// services that own the decisions and records their answers, keeps every group's dead letters
// and replays them, shows the cluster (topics, groups, lag), and keeps a tariff copy for the ops
// calls. It serves the ops console (apps/ops-console). Its REST calls are reached through the
// gateway's port at their CONTRACT 5 paths, with the ops key.
import { Module } from '@nestjs/common';
import { serviceEventsTopic, SERVICE_NAMES, TOPICS } from '@cbec/contracts';
import { HttpEdgeModule } from '@cbec/http-edge';
import type { Subscription } from '@cbec/messaging';
import { ServiceKitModule } from '@cbec/service-kit';
import { AddTariffLegalUnit1764000002000, TariffEntryRecord } from '@cbec/tariff-table';
import { ClusterAdmin } from './cluster/cluster-admin';
import { ClusterViewController } from './cluster/cluster-view.controller';
import { ClusterView } from './cluster/cluster-view.service';
import { ConsumerLag } from './cluster/consumer-lag';
import { ConsoleAssets } from './console/console-assets';
import { OpsPageController } from './console/ops-page.controller';
import { opsConfigProvider } from './config';
import { DeadLetterView } from './dead-letters/dead-letter-view.entity';
import { DeadLetterViews } from './dead-letters/dead-letter-views';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { MarkReplayedWhenDeadLetterReplayedHandler } from './dead-letters/mark-replayed-when-dead-letter-replayed.handler';
import { RecordDeadLetterWhenAnnouncedHandler } from './dead-letters/record-dead-letter-when-announced.handler';
import { InspectionDecisionController } from './decide-inspection/inspection-decision.controller';
import { KnownOrders } from './decide-inspection/known-orders';
import { TariffsController } from './edit-tariffs/tariffs.controller';
import { UpdateTariffCopyWhenChangedHandler } from './edit-tariffs/update-tariff-copy-when-changed.handler';
import { OPS_SERVICE } from './ops-service';
import { CreateOpsTables1764000001000 } from './persistence/migrations/1764000001000-create-ops-tables';
import { CreateTariffCopy1764000001001 } from './persistence/migrations/1764000001001-create-tariff-copy';
import { PipelineController } from './pipeline/pipeline.controller';
import { CommandAnswerRecord } from './send-command/command-answer.entity';
import { CommandsController } from './send-command/commands.controller';
import { OpsCommands } from './send-command/ops-commands.service';
import { RecordAnswerWhenOwnerAnswersHandler } from './send-command/record-answer-when-owner-answers.handler';

/** Where dead letters are announced and commands answered: every service's own topic, ours too. */
const ANNOUNCING_TOPICS = [...SERVICE_NAMES, OPS_SERVICE.service].map(serviceEventsTopic);

/**
 * The gateway's outbound translator owns what cannot be read on the pipeline services' topics;
 * no other group reads the gateway's topic and ours, so this one dead-letters there.
 */
const OWN_UNREADABLE = new Set([serviceEventsTopic('gateway'), serviceEventsTopic(OPS_SERVICE.service)]);
const subscriptions: Subscription[] = ANNOUNCING_TOPICS.map((topic) => ({ topic, deadLetterUnreadable: OWN_UNREADABLE.has(topic) }));

const handlers = [RecordAnswerWhenOwnerAnswersHandler, RecordDeadLetterWhenAnnouncedHandler, MarkReplayedWhenDeadLetterReplayedHandler, UpdateTariffCopyWhenChangedHandler];
const controllers = [InspectionDecisionController, TariffsController, DeadLettersController, CommandsController, ClusterViewController, PipelineController, OpsPageController];
const providers = [opsConfigProvider, OpsCommands, KnownOrders, DeadLetterViews, ClusterAdmin, ConsumerLag, ClusterView, ConsoleAssets];

@Module({
  imports: [
    ServiceKitModule.forRoot({
      service: OPS_SERVICE.service,
      schema: OPS_SERVICE.schema,
      entities: [CommandAnswerRecord, DeadLetterView, TariffEntryRecord],
      migrations: [CreateOpsTables1764000001000, CreateTariffCopy1764000001001, AddTariffLegalUnit1764000002000],
      topics: [...ANNOUNCING_TOPICS, TOPICS.opsCommands],
      consumer: { groupId: OPS_SERVICE.consumerGroup, subscriptions },
      handlers,
      providers,
      controllers,
    }),
    HttpEdgeModule,
  ],
})
export class AppModule {}
