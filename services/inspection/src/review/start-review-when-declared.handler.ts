// Customs review of a declared order (CONTRACT 4.2): UNDER_REVIEW at once, then the plan decides:
// rejected by rules 0-2, or on to the first of its stages (quarantine, proof, sampling, approval).
// A run of declarations is reviewed together: one locking read, one tariff read, one insert.
import { Inject, Injectable } from '@nestjs/common';
import { DECLARATION_EVENTS, DeclarationEventData, INSPECTION_EVENTS, nextStep, orderKey, TariffEntryData, TOPICS } from '@cbec/contracts';
import { isSampledForReview, planReview } from '@cbec/domain';
import { BatchContext, batchOf, CloudEvent, contextOf, EventHandler, forEachEvent, HandlerContext, orderRefOf } from '@cbec/messaging';
import { readTariff } from '@cbec/tariff-table';
import { INSPECTION_CONFIG, InspectionConfig } from '../config';
import { insertInspections, InspectionRow, lockReviewedOrders } from '../persistence/inspection-store';
import { proofQuestion } from '../proof/proof-question.rule';
import { ReviewProgression } from './review-progression';

@Injectable()
export class StartReviewWhenDeclaredHandler implements EventHandler<DeclarationEventData> {
  readonly eventType = DECLARATION_EVENTS.declarationSubmitted;

  constructor(
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
    private readonly progression: ReviewProgression,
  ) {}

  handle(event: CloudEvent<DeclarationEventData>, context: HandlerContext): Promise<void> {
    return this.handleAll([event], batchOf(context));
  }

  async handleAll(events: CloudEvent<DeclarationEventData>[], context: BatchContext): Promise<void> {
    const reviewed = await lockReviewedOrders(context.manager, events.map((event) => orderRefOf(event)!));
    const tariff = await readTariff(context.manager);
    const started: InspectionRow[] = [];
    await forEachEvent(events, async (event) => {
      const ref = orderRefOf(event)!;
      const subject = orderKey(ref.platformId, ref.orderId);
      if (reviewed.has(subject)) return context.log.info({ eventId: event.id, subject }, 'declaration already under review; nothing changes');
      reviewed.add(subject);
      started.push(await this.start(event, tariff, contextOf(event, context)));
    });
    await insertInspections(context.manager, started);
  }

  /** The order's review as its plan starts it; publishes UNDER_REVIEW and what follows. */
  private async start(event: CloudEvent<DeclarationEventData>, tariff: readonly TariffEntryData[], context: HandlerContext): Promise<InspectionRow> {
    const ref = orderRefOf(event)!;
    const subject = orderKey(ref.platformId, ref.orderId);
    const { declaration } = event.data;
    const plan = planReview({ model: declaration.clearanceModel, items: declaration.items, tariff, sampledForReview: isSampledForReview(subject, this.config.samplingRate) });
    const question = plan.outcome === 'PROCEED' && plan.proofRequired.length > 0 ? proofQuestion(declaration.items, tariff, plan.proofRequired, declaration.currency) : null;
    const step = nextStep(event);
    const inspection: InspectionRow = { ...ref, clearanceModel: declaration.clearanceModel, status: 'UNDER_REVIEW', reasonCode: null, plan, proofQuestion: question, proofHash: null, declaration, cancellationHash: null, step };

    const started: DeclarationEventData = { ...ref, clearanceModel: declaration.clearanceModel, declaration };
    context.publish({ topic: TOPICS.inspectionEvents, type: INSPECTION_EVENTS.reviewStarted, subject, data: started, step });
    if (plan.outcome === 'REJECT') {
      context.log.info({ eventId: event.id, subject, reasonCode: plan.reasonCode }, 'declaration rejected at review');
      await this.progression.reject(inspection, plan.reasonCode, plan.details, step + 1, context);
    } else {
      context.log.info({ eventId: event.id, subject, quarantine: plan.quarantine, proofRequired: plan.proofRequired, heldForReview: plan.heldForReview }, 'review started');
      await this.progression.advance(inspection, null, step + 1, context);
    }
    return inspection;
  }
}
