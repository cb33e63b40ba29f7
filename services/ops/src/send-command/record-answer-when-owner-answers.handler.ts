// The owners' answers to ops commands that carry nothing else for the gateway: an officer's
// decision recorded (or refused) by inspection, a tariff change refused by tax-permit. Each is
// written to command_answer, where the REST call waiting for it finds it.
import { Injectable } from '@nestjs/common';
import { CommandAnswerData, OPS_EVENTS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { isCommandAnswer, recordCommandAnswer } from './ops-commands.service';

@Injectable()
export class RecordAnswerWhenOwnerAnswersHandler implements EventHandler<CommandAnswerData> {
  readonly eventType = [OPS_EVENTS.inspectionDecisionRecorded, OPS_EVENTS.tariffChangeRefused] as const;

  async handle(event: CloudEvent<CommandAnswerData>, { manager, log }: HandlerContext): Promise<void> {
    // A malformed answer answers nobody; retrying or dead-lettering it would not change that.
    if (!isCommandAnswer(event.data)) return log.warn('command answer without requestId, outcome or message; ignored');
    await recordCommandAnswer(manager, event.data);
    log.info({ requestId: event.data.requestId, outcome: event.data.outcome }, 'ops command answered');
  }
}
