// What the ops view keeps of a dead-letter announcement (OPS_EVENTS.messageDeadLettered): nothing
// without a dead letter's id and group; else its fields as text and numbers, what text cannot hold
// escaped (announcers escape it; announcements made before they did are escaped here), and the
// announcement's time where the letter's own is missing or unreadable.
import type { DeadLetterData } from '@cbec/contracts';
import { storableNullableText, storableText } from '@cbec/messaging';
import { DEAD_LETTER_ID, DeadLetterView } from './dead-letter-view.entity';

export type AnnouncedDeadLetter = Omit<DeadLetterView, 'replayedAt' | 'replayCount'>;

export function viewOfAnnouncement(letter: Partial<DeadLetterData> | null | undefined, announcedAt: string): AnnouncedDeadLetter | undefined {
  if (typeof letter?.id !== 'string' || !DEAD_LETTER_ID.test(letter.id) || typeof letter.consumerGroup !== 'string') return undefined;
  return {
    id: letter.id,
    consumerGroup: letter.consumerGroup,
    topic: String(letter.topic),
    partition: Number(letter.partition),
    offset: String(letter.offset),
    key: storableNullableText(letter.key ?? null),
    reason: storableText(String(letter.reason)),
    attempts: Number(letter.attempts ?? 0),
    deadAt: validDate(letter.deadAt) ?? new Date(announcedAt),
    payload: storableText(String(letter.payload ?? '')),
  };
}

function validDate(text: unknown): Date | undefined {
  const date = typeof text === 'string' ? new Date(text) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
