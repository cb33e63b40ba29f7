// Every service announces its dead letters on its own topic; the gateway keeps them all in one
// view for GET /v1/ops/dead-letters, the overview and the ops page.
import { Injectable } from '@nestjs/common';
import { DeadLetterData, OPS_EVENTS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, storableNullableText, storableText } from '@cbec/messaging';
import { DEAD_LETTER_ID, DeadLetterView } from './dead-letter-view.entity';

@Injectable()
export class RecordDeadLetterWhenAnnouncedHandler implements EventHandler<DeadLetterData> {
  readonly eventType = OPS_EVENTS.messageDeadLettered;

  async handle(event: CloudEvent<DeadLetterData>, { manager, log }: HandlerContext): Promise<void> {
    const letter = event.data;
    // Not thrown: a failure here would dead-letter an announcement of a dead letter, and so on.
    if (typeof letter?.id !== 'string' || !DEAD_LETTER_ID.test(letter.id) || typeof letter.consumerGroup !== 'string') return log.warn('dead-letter announcement without id or consumerGroup; ignored');
    await manager
      .createQueryBuilder()
      .insert()
      .into(DeadLetterView)
      .values({
        id: letter.id,
        consumerGroup: letter.consumerGroup,
        topic: String(letter.topic),
        partition: Number(letter.partition),
        offset: String(letter.offset),
        // Announcers escape what text cannot hold; so does the view, for announcements made before they did.
        key: storableNullableText(letter.key ?? null),
        reason: storableText(String(letter.reason)),
        attempts: Number(letter.attempts ?? 0),
        deadAt: validDate(letter.deadAt) ?? new Date(event.time),
        payload: storableText(String(letter.payload ?? '')),
      })
      .orIgnore()
      .execute();
    log.info({ deadLetterId: letter.id, group: letter.consumerGroup, topic: letter.topic, reason: letter.reason }, 'dead letter recorded');
  }
}

function validDate(text: unknown): Date | undefined {
  const date = typeof text === 'string' ? new Date(text) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
