// Ops commands and reference data (ARCHITECTURE "Ops commands and reference data"), the parts the
// service kit needs: tables, migrations, and the handlers of the owners' answers, the dead-letter
// announcements and the tariff changes, in the gateway's one consumer group. The REST side is
// OpsModule.
import { serviceEventsTopic, SERVICE_NAMES, TOPICS } from '@cbec/contracts';
import type { Subscription } from '@cbec/messaging';
import { CreateTariffCopy1764000000801 } from '../tariffs/persistence/migrations/1764000000801-create-tariff-copy';
import { TariffEntryRecord } from '@cbec/tariff-table';
import { UpdateTariffCopyWhenChangedHandler } from '../tariffs/update-tariff-copy-when-changed.handler';
import { CommandAnswerRecord } from './commands/command-answer.entity';
import { RECORD_ANSWER_HANDLERS } from './commands/record-answer-when-owner-answers.handler';
import { DeadLetterView } from './dead-letters/dead-letter-view.entity';
import { MarkReplayedWhenDeadLetterReplayedHandler } from './dead-letters/mark-replayed-when-dead-letter-replayed.handler';
import { RecordDeadLetterWhenAnnouncedHandler } from './dead-letters/record-dead-letter-when-announced.handler';
import { CreateOpsTables1764000000800 } from './persistence/migrations/1764000000800-create-ops-tables';

/**
 * Every service's own topic, the gateway's included: each announces its dead letters and answers
 * replays there; inspection and tax-permit answer their commands there; tax-permit announces
 * tariff changes there.
 */
const SERVICE_TOPICS = SERVICE_NAMES.map(serviceEventsTopic);

/** Like the outbound translator's: what cannot be read on our own topics is a bug of ours, shown to ops. */
const subscriptions: Subscription[] = SERVICE_TOPICS.map((topic) => ({ topic, deadLetterUnreadable: true }));

export const OPS = {
  entities: [CommandAnswerRecord, DeadLetterView, TariffEntryRecord],
  migrations: [CreateOpsTables1764000000800, CreateTariffCopy1764000000801],
  handlers: [...RECORD_ANSWER_HANDLERS, RecordDeadLetterWhenAnnouncedHandler, MarkReplayedWhenDeadLetterReplayedHandler, UpdateTariffCopyWhenChangedHandler],
  /** The handlers need none: OpsModule holds the REST side's providers. */
  providers: [],
  /** Topics read (the subscriptions) and written (commands). */
  topics: [...SERVICE_TOPICS, TOPICS.opsCommands],
  /** Merge with the other subscriptions of the group by topic: the settings are the same as the outbound translator's. */
  subscriptions,
};
