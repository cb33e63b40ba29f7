// No proof of price within PROOF_DUE_MS: the order is rejected (CONTRACT 4.2 rule 4).
import { Injectable } from '@nestjs/common';
import { parseOrderKey } from '@cbec/contracts';
import type { DueTimer, HandlerContext, TimerHandler } from '@cbec/messaging';
import { lockInspection } from '../persistence/inspection.entity';
import { updateInspections } from '../persistence/inspection-store';
import { ReviewProgression } from '../review/review-progression';
import { TIMER_KINDS } from '../review/review-stages.rule';

@Injectable()
export class RejectWhenProofOverdueTimer implements TimerHandler {
  readonly kind = TIMER_KINDS.proofDue;

  constructor(private readonly progression: ReviewProgression) {}

  async fire(timer: DueTimer, context: HandlerContext): Promise<void> {
    const inspection = await lockInspection(context.manager, parseOrderKey(timer.subject)!);
    if (inspection?.status !== 'PROOF_REQUESTED') return context.log.warn({ status: inspection?.status ?? null }, 'proof timer fired for an order not awaiting proof; nothing changes');
    context.log.info('no proof of price in time; rejected');
    const details = [{ message: `no proof of price was received by ${timer.dueAt.toISOString()}` }];
    await this.progression.reject(inspection, 'PROOF_TIMEOUT', details, inspection.step + 1, context);
    await updateInspections(context.manager, [inspection]);
  }
}
