// A consumer group's answer to a replay command: the answer goes to command_answer for the REST
// call, and a replayed dead letter is marked as such in the view (its id is in the subject).
import { Injectable } from '@nestjs/common';
import { CommandAnswerData, deadLetterSubject, OPS_EVENTS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { isCommandAnswer, recordCommandAnswer } from '../send-command/ops-commands.service';
import { DEAD_LETTER_ID, DeadLetterView } from './dead-letter-view.entity';

const SUBJECT_PREFIX = deadLetterSubject('');

@Injectable()
export class MarkReplayedWhenDeadLetterReplayedHandler implements EventHandler<CommandAnswerData> {
  readonly eventType = OPS_EVENTS.deadLetterReplayed;

  async handle(event: CloudEvent<CommandAnswerData>, { manager, log }: HandlerContext): Promise<void> {
    if (!isCommandAnswer(event.data)) return log.warn('replay answer without requestId, outcome or message; ignored');
    await recordCommandAnswer(manager, event.data);
    const id = event.subject?.startsWith(SUBJECT_PREFIX) ? event.subject.slice(SUBJECT_PREFIX.length) : undefined;
    if (event.data.outcome === 'APPLIED' && id && DEAD_LETTER_ID.test(id)) {
      await manager
        .createQueryBuilder()
        .update(DeadLetterView)
        .set({ replayedAt: new Date(event.time), replayCount: () => 'replay_count + 1' })
        .where('id = :id', { id })
        .execute();
    }
    log.info({ requestId: event.data.requestId, outcome: event.data.outcome, deadLetterId: id }, 'dead-letter replay answered');
  }
}
