// The read model's tables and the migrations that create them: in the gateway's schema, and in
// the rebuild's scratch schema.
import { ClearanceViewRow } from './clearance-view.entity';
import { CreateReadModelTables1764000000700 } from './migrations/1764000000700-create-read-model-tables';
import { AddAfterSaleToReadModel1764000000701 } from './migrations/1764000000701-add-after-sale';
import { AddParticularsAndFlowIndex1764000000720 } from './migrations/1764000000720-add-particulars-and-flow-index';
import { AddCustomsReceiptsToReadModel1764000000910 } from './migrations/1764000000910-add-customs-receipts';
import { TimelineEntryRow } from './timeline-entry.entity';

export const READ_MODEL_ENTITIES = [ClearanceViewRow, TimelineEntryRow];
export const READ_MODEL_MIGRATIONS = [CreateReadModelTables1764000000700, AddAfterSaleToReadModel1764000000701, AddParticularsAndFlowIndex1764000000720, AddCustomsReceiptsToReadModel1764000000910];
