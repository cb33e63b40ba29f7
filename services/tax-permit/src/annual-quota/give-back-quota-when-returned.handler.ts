// Goods of a completed order came back (CONTRACT 7.3): the part of the order's dutiable value the
// return gave back (return-completed's quotaGivenBack, computed per line by libs/domain) leaves
// the consumer's annual total. (The last return's order-returned carries the same data; only
// return-completed gives back, once per return.)
import { Injectable } from '@nestjs/common';
import { LOGISTICS_EVENTS, ReturnCompletedData } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { AnnualLedger } from './annual-ledger';

@Injectable()
export class GiveBackQuotaWhenReturnedHandler implements EventHandler<ReturnCompletedData> {
  readonly eventType = LOGISTICS_EVENTS.returnCompleted;

  constructor(private readonly ledger: AnnualLedger) {}

  async handle(event: CloudEvent<ReturnCompletedData>, { manager, publish, log }: HandlerContext): Promise<void> {
    const { returnId, quotaGivenBack } = event.data.notice;
    const givenBack = await this.ledger.giveBackPart(manager, orderRefOf(event)!, quotaGivenBack, publish);
    log.info({ returnId, quotaGivenBack: givenBack ?? '0.00' }, 'goods returned; their quota given back');
  }
}
