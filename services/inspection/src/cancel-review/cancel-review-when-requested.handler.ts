// A cancellation that reached customs review (passed on by the declaration): an order waiting in
// quarantine, for proof or for an officer is CANCELLED here, its stage timers cancelled in the same
// transaction, so neither they nor an officer's later decision move it (docs/clearance.md, "The
// cancellation race"). Nothing was counted toward the consumer's quota yet.
import { Injectable } from '@nestjs/common';
import { CancellationForwardedData, DECLARATION_EVENTS, orderKey, OrderRef } from '@cbec/contracts';
import { AcceptedCancellation, CancellationHolder, decideCancellation, publishCancelled, Standing } from '@cbec/cancellation';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import type { EntityManager } from 'typeorm';
import { Inspection, lockInspection } from '../persistence/inspection.entity';
import { STAGE_TIMER_KINDS } from '../review/review-stages.rule';
import { reviewCustodyOf } from './review-custody.rule';

@Injectable()
export class CancelReviewWhenRequestedHandler implements EventHandler<CancellationForwardedData>, CancellationHolder {
  readonly eventType = DECLARATION_EVENTS.cancellationForwarded;
  readonly service = 'inspection';

  async handle(event: CloudEvent<CancellationForwardedData>, context: HandlerContext): Promise<void> {
    if (event.data.to !== this.service) return;
    await decideCancellation(this, orderRefOf(event)!, event.data.request, context);
  }

  async standing(manager: EntityManager, ref: OrderRef): Promise<Standing> {
    const inspection = await lockInspection(manager, ref);
    if (!inspection) throw new Error(`a cancellation reached inspection before order ${ref.platformId}/${ref.orderId} did`);
    return { custody: reviewCustodyOf(inspection.status), acceptedHash: inspection.cancellationHash, clearanceModel: inspection.clearanceModel, step: inspection.step };
  }

  async cancel(accepted: AcceptedCancellation, context: HandlerContext): Promise<void> {
    const ref = { platformId: accepted.request.platformId, orderId: accepted.request.orderId };
    const subject = orderKey(ref.platformId, ref.orderId);
    for (const kind of STAGE_TIMER_KINDS) await context.timers.cancel(kind, subject);
    await context.manager.update(Inspection, ref, { status: 'CANCELLED', step: accepted.standing.step + 1, cancellationHash: accepted.contentHash });
    publishCancelled(this, ref, accepted, undefined, context);
  }
}
