// An officer's decision (ops command through the gateway, CONTRACT 4.2 rules 3 and 5): RELEASE
// passes a quarantine or a hold, FAIL rejects with INSPECTION_FAILED; in any other state, or for
// an order inspection does not know, nothing changes. Either way ops get an answer
// (decision-recorded, requestId = the command's id), after the events the decision caused.
import { Injectable } from '@nestjs/common';
import { CommandAnswerData, InspectionDecisionData, OPS_COMMANDS, OPS_EVENTS, orderKey, TOPICS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { lockInspection } from '../persistence/inspection.entity';
import { updateInspections } from '../persistence/inspection-store';
import { ReviewProgression } from '../review/review-progression';
import { answerToOfficer, judgeOfficerDecision } from './officer-decision.rule';

@Injectable()
export class DecideInspectionWhenOfficerDecidesHandler implements EventHandler<InspectionDecisionData> {
  readonly eventType = OPS_COMMANDS.decideInspection;

  constructor(private readonly progression: ReviewProgression) {}

  async handle(event: CloudEvent<InspectionDecisionData>, context: HandlerContext): Promise<void> {
    const ref = orderRefOf(event)!;
    const inspection = await lockInspection(context.manager, ref);
    const { decision, note, decidedBy } = event.data;
    const verdict = judgeOfficerDecision(inspection?.status, decision);
    const log = context.log.child({ decision, decidedBy, status: inspection?.status ?? null });

    if (verdict.outcome === 'UNKNOWN_DECISION') log.warn('officer decision is neither RELEASE nor FAIL; nothing changes');
    else if (verdict.outcome === 'NOT_AWAITED' || !inspection) log.warn('no officer decision is awaited for this order; nothing changes');
    else if (verdict.outcome === 'PASS') {
      log.info({ stage: verdict.stage }, 'officer released the order');
      await this.progression.advance(inspection, verdict.stage, inspection.step + 1, context);
      await updateInspections(context.manager, [inspection]);
    } else {
      log.info({ stage: verdict.stage }, 'officer failed the inspection');
      const details = [{ message: note ? `failed by the inspecting officer: ${note}` : 'failed by the inspecting officer' }];
      await this.progression.reject(inspection, 'INSPECTION_FAILED', details, inspection.step + 1, context);
      await updateInspections(context.manager, [inspection]);
    }
    const answer: CommandAnswerData = { requestId: event.id, ...answerToOfficer(verdict, inspection?.status, decision) };
    context.publish({ topic: TOPICS.inspectionEvents, type: OPS_EVENTS.inspectionDecisionRecorded, subject: orderKey(ref.platformId, ref.orderId), data: answer });
  }
}
