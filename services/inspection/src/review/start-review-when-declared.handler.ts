// Customs review of a declared order (CONTRACT 4.2): UNDER_REVIEW at once, then the plan decides:
// rejected by rules 0-2, or on to the first of its stages (quarantine, proof, sampling, approval),
// or, where customs' receipts decide (CONTRACT 8.1), waiting for them.
// A run of declarations is reviewed together: one locking read, one tariff read, one insert.
import { Inject, Injectable } from '@nestjs/common';
import { DECLARATION_EVENTS, DeclarationEventData, nextStep, orderKey } from '@cbec/contracts';
import { BatchContext, CloudEvent, contextOf, EventHandler, forEachEvent, orderRefOf } from '@cbec/messaging';
import { readTariff } from '@cbec/tariff-table';
import { INSPECTION_CONFIG, InspectionConfig } from '../config';
import { insertInspections, InspectionRow, lockReviewedOrders } from '../persistence/inspection-store';
import { openReview } from './open-review.rule';
import { ReviewProgression } from './review-progression';

@Injectable()
export class StartReviewWhenDeclaredHandler implements EventHandler<DeclarationEventData> {
  readonly eventType = DECLARATION_EVENTS.declarationSubmitted;

  constructor(
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
    private readonly progression: ReviewProgression,
  ) {}

  async handleAll(events: CloudEvent<DeclarationEventData>[], context: BatchContext): Promise<void> {
    const reviewed = await lockReviewedOrders(context.manager, events.map((event) => orderRefOf(event)!));
    const tariff = await readTariff(context.manager);
    const started: InspectionRow[] = [];
    await forEachEvent(events, async (event) => {
      const ref = orderRefOf(event)!;
      const subject = orderKey(ref.platformId, ref.orderId);
      if (reviewed.has(subject)) return context.log.info({ eventId: event.id, subject }, 'declaration already under review; nothing changes');
      reviewed.add(subject);
      const opened = openReview(event.data.declaration, tariff, this.config, nextStep(event));
      await this.progression.begin(opened, contextOf(event, context));
      started.push(opened.inspection);
    });
    await insertInspections(context.manager, started);
  }
}
