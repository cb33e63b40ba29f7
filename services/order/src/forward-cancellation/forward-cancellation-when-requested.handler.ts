// A platform's cancel-requested enters the cancellation chain here, where its order entered:
// refused for an order intake never confirmed, else passed on after the order (docs/clearance.md, "The
// cancellation race").
import { Injectable } from '@nestjs/common';
import { PLATFORM_EVENTS } from '@cbec/contracts';
import { CancellationHolder, decideCancellation, forwardedRequestOf, Standing } from '@cbec/cancellation';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import type { EntityManager } from 'typeorm';
import { IntakeOrder } from '../persistence/order.entity';
import { intakeCustodyOf } from './intake-custody.rule';

@Injectable()
export class ForwardCancellationWhenRequestedHandler implements EventHandler, CancellationHolder {
  readonly eventType = PLATFORM_EVENTS.cancelRequested;
  readonly service = 'order';

  handle(event: CloudEvent, context: HandlerContext): Promise<void> {
    return decideCancellation(this, orderRefOf(event)!, forwardedRequestOf(event), context);
  }

  async standing(manager: EntityManager, ref: { platformId: string; orderId: string }): Promise<Standing> {
    const order = await manager.getRepository(IntakeOrder).findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    return { custody: intakeCustodyOf(order), acceptedHash: null, clearanceModel: order?.clearanceModel ?? null, step: order?.step ?? 0 };
  }

  cancel(): Promise<void> {
    throw new Error('intake never holds an order, so it never cancels one');
  }
}
