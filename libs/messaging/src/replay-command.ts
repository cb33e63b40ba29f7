// Every consumer group answers ops' replay commands for its own dead letters: the message goes
// back on its topic, and the answer goes on the service's own topic for the gateway to relay.
import { CommandAnswerData, DeadLetterReplayRequestedData, deadLetterSubject, OPS_COMMANDS, OPS_EVENTS, serviceEventsTopic } from '@cbec/contracts';
import type { CloudEvent } from './cloud-event';
import type { DeadLetterStore } from './dead-letters';
import type { HandlerContext } from './context';
import type { EventHandler } from './handler';

export class ReplayDeadLetterOnRequest implements EventHandler<DeadLetterReplayRequestedData> {
  readonly eventType = OPS_COMMANDS.replayDeadLetter;

  constructor(
    private readonly consumerGroup: string,
    private readonly service: string,
    private readonly deadLetters: DeadLetterStore,
  ) {}

  async handle(event: CloudEvent<DeadLetterReplayRequestedData>, { manager, publish, log }: HandlerContext): Promise<void> {
    const { id, consumerGroup } = event.data;
    if (consumerGroup !== this.consumerGroup) return;
    const replayed = await this.deadLetters.replay(id, manager);
    log.info({ deadLetterId: id, replayed: Boolean(replayed) }, 'dead-letter replay requested');
    const answer: CommandAnswerData = replayed
      ? { requestId: event.id, outcome: 'APPLIED', message: `dead letter ${id} put back on ${replayed.topic}` }
      : { requestId: event.id, outcome: 'REFUSED', message: `no dead letter ${id} in ${consumerGroup}` };
    publish({ topic: serviceEventsTopic(this.service), type: OPS_EVENTS.deadLetterReplayed, subject: deadLetterSubject(id), data: answer });
  }
}
