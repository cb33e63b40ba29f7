// Customs' receipts decide the review of an order declared to the Single Window in `folder` mode
// (CONTRACT 8.4): a 120 makes customs' invtNo the declaration number carried forward, 300/500
// hold the order for review (an officer's decision releases or fails it, as for a sampled order),
// 399/800 approve it, 100 and the detentions reject it.
import { Injectable } from '@nestjs/common';
import { CustomsReceiptData, SINGLE_WINDOW_EVENTS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { lockInspections, saveDeclarations, updateInspections } from '../persistence/inspection-store';
import { ReviewProgression } from '../review/review-progression';
import { judgeCustomsReceipt } from './customs-receipt.rule';

@Injectable()
export class FollowCustomsWhenReceiptRecordedHandler implements EventHandler<CustomsReceiptData> {
  readonly eventType = SINGLE_WINDOW_EVENTS.receiptRecorded;

  constructor(private readonly progression: ReviewProgression) {}

  async handle(event: CloudEvent<CustomsReceiptData>, context: HandlerContext): Promise<void> {
    const [inspection] = (await lockInspections(context.manager, [orderRefOf(event)!])).values();
    const verdict = judgeCustomsReceipt(inspection, event.data);
    const log = context.log.child({ messageType: event.data.messageType, returnStatus: event.data.returnStatus, status: inspection?.status ?? null });
    if (verdict.kind === 'NOTHING') return log.info({ why: verdict.why }, 'customs receipt changes nothing here');
    const step = inspection.step + 1;
    if (verdict.kind === 'DECLARATION_NUMBER') {
      inspection.declaration = { ...inspection.declaration, declarationNumber: verdict.invtNo };
      await saveDeclarations(context.manager, [inspection]);
      return log.info({ invtNo: verdict.invtNo }, 'customs accepted the inventory list: its invtNo is the declaration number');
    }
    if (verdict.kind === 'HOLD') await this.progression.enter(inspection, 'SAMPLING', step, context);
    else if (verdict.kind === 'APPROVE') await this.progression.enter(inspection, 'APPROVAL', step, context);
    else await this.progression.reject(inspection, verdict.reasonCode, verdict.details, step, context);
    await updateInspections(context.manager, [inspection]);
    log.info({ now: inspection.status }, 'customs receipt moved the review');
  }
}
