// A quarantine inspection passes when its time is up (CONTRACT 4.2 rule 3), unless an officer
// ended it first (then the timer was cancelled, or finds the order elsewhere).
import { Injectable } from '@nestjs/common';
import { parseOrderKey } from '@cbec/contracts';
import type { DueTimer, HandlerContext, TimerHandler } from '@cbec/messaging';
import { lockInspection } from '../persistence/inspection.entity';
import { updateInspections } from '../persistence/inspection-store';
import { ReviewProgression } from '../review/review-progression';
import { TIMER_KINDS } from '../review/review-stages.rule';

@Injectable()
export class PassQuarantineWhenDueTimer implements TimerHandler {
  readonly kind = TIMER_KINDS.quarantine;

  constructor(private readonly progression: ReviewProgression) {}

  async fire(timer: DueTimer, context: HandlerContext): Promise<void> {
    const inspection = await lockInspection(context.manager, parseOrderKey(timer.subject)!);
    if (inspection?.status !== 'QUARANTINE_INSPECTION') return context.log.warn({ status: inspection?.status ?? null }, 'quarantine timer fired for an order not in quarantine; nothing changes');
    context.log.info('quarantine inspection passed');
    await this.progression.advance(inspection, 'QUARANTINE', inspection.step + 1, context);
    await updateInspections(context.manager, [inspection]);
  }
}
