// Every service announces its dead letters on its own topic; the ops service keeps them all in one
// view (dead-letter-announcement.rule) for GET /v1/ops/dead-letters, the overview and the console.
import { Injectable } from '@nestjs/common';
import { DeadLetterData, OPS_EVENTS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { viewOfAnnouncement } from './dead-letter-announcement.rule';
import { DeadLetterView } from './dead-letter-view.entity';

@Injectable()
export class RecordDeadLetterWhenAnnouncedHandler implements EventHandler<DeadLetterData> {
  readonly eventType = OPS_EVENTS.messageDeadLettered;

  async handle(event: CloudEvent<DeadLetterData>, { manager, log }: HandlerContext): Promise<void> {
    const letter = viewOfAnnouncement(event.data, event.time);
    // Not thrown: a failure here would dead-letter an announcement of a dead letter, and so on.
    if (!letter) return log.warn('dead-letter announcement without id or consumerGroup; ignored');
    await manager.createQueryBuilder().insert().into(DeadLetterView).values(letter).orIgnore().execute();
    log.info({ deadLetterId: letter.id, group: letter.consumerGroup, topic: letter.topic, reason: event.data.reason }, 'dead letter recorded');
  }
}
