// Released goods leave the warehouse when their pick time is up (DISPATCH_DELAY_MS), unless a
// cancellation reached them first (then the timer was cancelled, or finds them CANCELLED).
import { Injectable } from '@nestjs/common';
import { parseOrderKey } from '@cbec/contracts';
import { DueTimer, HandlerContext, TimerHandler } from '@cbec/messaging';
import { DISPATCH_TIMER, HandOverService } from '../hand-over/hand-over.service';
import { Shipment } from '../persistence/shipment.entity';
import { saveShipments } from '../persistence/shipment-store';

@Injectable()
export class DispatchWhenPickedTimer implements TimerHandler {
  readonly kind = DISPATCH_TIMER;

  constructor(private readonly handOver: HandOverService) {}

  async fire(timer: DueTimer, context: HandlerContext): Promise<void> {
    const shipment = await context.manager.getRepository(Shipment).findOne({ where: parseOrderKey(timer.subject)!, lock: { mode: 'pessimistic_write' } });
    if (shipment?.status !== 'RELEASED') return context.log.info({ status: shipment?.status }, 'dispatch due, but the goods no longer wait to leave');
    await saveShipments(context.manager, [await this.handOver.dispatch(shipment, context)]);
  }
}
