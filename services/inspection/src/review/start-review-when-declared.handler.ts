// Customs review of a declared order (CONTRACT 4.2): UNDER_REVIEW at once, then the plan decides:
// rejected by rules 0-2, or on to the first of its stages (quarantine, proof, sampling, approval).
import { Inject, Injectable } from '@nestjs/common';
import { DECLARATION_EVENTS, DeclarationEventData, INSPECTION_EVENTS, orderKey, TOPICS } from '@cbec/contracts';
import { isSampledForReview, planReview } from '@cbec/domain';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { INSPECTION_CONFIG, InspectionConfig } from '../config';
import { Inspection, lockInspection } from '../persistence/inspection.entity';
import { readTariff } from '@cbec/tariff-table';
import { proofQuestion } from '../proof/proof-question.rule';
import { ReviewProgression } from './review-progression';

@Injectable()
export class StartReviewWhenDeclaredHandler implements EventHandler<DeclarationEventData> {
  readonly eventType = DECLARATION_EVENTS.declarationSubmitted;

  constructor(
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
    private readonly progression: ReviewProgression,
  ) {}

  async handle(event: CloudEvent<DeclarationEventData>, context: HandlerContext): Promise<void> {
    const { manager, publish, log } = context;
    const ref = orderRefOf(event)!;
    if (await lockInspection(manager, ref)) return log.info('declaration already under review; nothing changes');

    const { declaration } = event.data;
    const subject = orderKey(ref.platformId, ref.orderId);
    const tariff = await readTariff(manager);
    const plan = planReview({ model: declaration.clearanceModel, items: declaration.items, tariff, sampledForReview: isSampledForReview(subject, this.config.samplingRate) });
    const question = plan.outcome === 'PROCEED' && plan.proofRequired.length > 0 ? proofQuestion(declaration.items, tariff, plan.proofRequired, declaration.currency) : null;
    const step = (event.step ?? 0) + 1;
    const inspection = manager.create(Inspection, { ...ref, clearanceModel: declaration.clearanceModel, status: 'UNDER_REVIEW', reasonCode: null, plan, proofQuestion: question, proofHash: null, declaration, step });

    const started: DeclarationEventData = { ...ref, clearanceModel: declaration.clearanceModel, declaration };
    publish({ topic: TOPICS.inspectionEvents, type: INSPECTION_EVENTS.reviewStarted, subject, data: started, step });
    if (plan.outcome === 'REJECT') {
      log.info({ reasonCode: plan.reasonCode }, 'declaration rejected at review');
      return this.progression.reject(inspection, plan.reasonCode, plan.details, step + 1, context);
    }
    log.info({ quarantine: plan.quarantine, proofRequired: plan.proofRequired, heldForReview: plan.heldForReview }, 'review started');
    await this.progression.advance(inspection, null, step + 1, context);
  }
}
