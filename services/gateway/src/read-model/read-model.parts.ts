// The clearance read model (CONTRACT 5's view and timeline): its tables, the inbound
// subscription of the gateway's consumer, its handlers and the projection the outbound
// translator calls for every status event and refusal it applies.
import { INBOUND_EVENT_TYPES, TOPICS } from '@cbec/contracts';
import type { Subscription } from '@cbec/messaging';
import { ClearanceProjector, clearanceProjectionProvider } from './clearance-projector.service';
import { CreateReadModelTables1764000000700 } from './persistence/migrations/1764000000700-create-read-model-tables';
import { AddAfterSaleToReadModel1764000000701 } from './persistence/migrations/1764000000701-add-after-sale';
import { AddParticularsAndFlowIndex1764000000720 } from './persistence/migrations/1764000000720-add-particulars-and-flow-index';
import { ClearanceViewRow } from './persistence/clearance-view.entity';
import { TimelineEntryRow } from './persistence/timeline-entry.entity';
import { RECORD_PLATFORM_EVENT_HANDLERS } from './record-platform-event.handler';

/** The order service owns the inbound topic's unreadable messages; this group leaves them be. */
const subscriptions: Subscription[] = [{ topic: TOPICS.platformInbound, knownTypes: INBOUND_EVENT_TYPES, deadLetterUnreadable: false }];

export const READ_MODEL = {
  entities: [ClearanceViewRow, TimelineEntryRow],
  migrations: [CreateReadModelTables1764000000700, AddAfterSaleToReadModel1764000000701, AddParticularsAndFlowIndex1764000000720],
  topics: [TOPICS.platformInbound],
  subscriptions,
  handlers: RECORD_PLATFORM_EVENT_HANDLERS,
  providers: [ClearanceProjector, clearanceProjectionProvider],
};
