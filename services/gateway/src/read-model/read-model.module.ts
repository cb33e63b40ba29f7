// The clearance read model (CONTRACT 5's view and timeline): the projection the outbound
// translator, the read model's own handlers and the REST calls apply events through.
import { Module } from '@nestjs/common';
import { ClearanceProjector, clearanceProjectionProvider } from './clearance-projector.service';
import { RecordCustomsReceiptHandler } from './record-customs-receipt.handler';
import { RecordPlatformEventHandler } from './record-platform-event.handler';

/** What the read model takes straight from the topics: the platform's own events and customs' receipts. */
export const READ_MODEL_HANDLERS = [RecordPlatformEventHandler, RecordCustomsReceiptHandler];

@Module({
  providers: [ClearanceProjector, clearanceProjectionProvider],
  exports: [ClearanceProjector, clearanceProjectionProvider],
})
export class ReadModelModule {}
