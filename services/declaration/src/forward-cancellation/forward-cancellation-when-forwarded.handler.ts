// A cancellation passed on to the declaration (by intake, or by logistics with its documents)
// goes on to where the order went next. It arrives after the order did: on the same topic and
// partition as the hand-off that brought the order.
import { Injectable } from '@nestjs/common';
import { CancellationForwardedData, LOGISTICS_EVENTS, ORDER_EVENTS, OrderRef } from '@cbec/contracts';
import { CancellationHolder, decideForwardedCancellation, Standing } from '@cbec/cancellation';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import type { EntityManager } from 'typeorm';
import { OrderDeclaration } from '../persistence/declaration.entity';
import { declarationCustodyOf } from './declaration-custody.rule';

@Injectable()
export class ForwardCancellationWhenForwardedHandler implements EventHandler<CancellationForwardedData>, CancellationHolder {
  /** From intake (the order's confirmation) and from logistics (its documents, model I). */
  readonly eventType = [ORDER_EVENTS.cancellationForwarded, LOGISTICS_EVENTS.cancellationForwarded] as const;
  readonly service = 'declaration';

  handle(event: CloudEvent<CancellationForwardedData>, context: HandlerContext): Promise<void> {
    return decideForwardedCancellation(this, event, context);
  }

  async standing(manager: EntityManager, ref: OrderRef): Promise<Standing> {
    const declaration = await manager.getRepository(OrderDeclaration).findOne({ where: { platformId: ref.platformId, orderId: ref.orderId }, lock: { mode: 'pessimistic_write' } });
    // The hand-off came first on this partition; without it the order's events were lost upstream.
    if (!declaration) throw new Error(`a cancellation reached the declaration before order ${ref.platformId}/${ref.orderId} did`);
    return { custody: declarationCustodyOf(declaration), acceptedHash: null, clearanceModel: declaration.clearanceModel, step: declaration.step };
  }

  cancel(): Promise<void> {
    throw new Error('the declaration never holds an order, so it never cancels one');
  }
}
