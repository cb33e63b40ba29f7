// How the owner's answer to an ops command, or its silence, becomes the HTTP reply (CONTRACT 5,
// ARCHITECTURE "Ops commands"): APPLIED is 200; REFUSED is 409 when the command does not apply
// to the current state, 400 when what was asked is itself wrong; no answer in time is 202 with
// where to ask again.
import { CommandAnswerData, FieldError, OPS_COMMANDS } from '@cbec/contracts';

export type OpsCommandType = (typeof OPS_COMMANDS)[keyof typeof OPS_COMMANDS];

export const REFUSED_STATUS: Record<OpsCommandType, 400 | 409> = {
  // "order is UNDER_REVIEW, not waiting for an officer": right request, wrong moment.
  [OPS_COMMANDS.decideInspection]: 409,
  // tax-permit found the entry invalid: the details name the fields.
  [OPS_COMMANDS.upsertTariff]: 400,
  // the owning group no longer holds that dead letter.
  [OPS_COMMANDS.replayDeadLetter]: 409,
};

export type CommandAnswer = Pick<CommandAnswerData, 'outcome' | 'message' | 'details'>;

export interface AppliedBody {
  requestId: string;
  outcome: 'APPLIED';
  message: string;
}

export interface PendingBody {
  requestId: string;
  status: 'PENDING';
  links: { answer: string };
}

export type CommandReply =
  | { status: 200; body: AppliedBody }
  | { status: 400 | 409; body: { error: string; details: FieldError[] } }
  | { status: 202; body: PendingBody };

export function commandAnswerPath(requestId: string): string {
  return `/v1/ops/commands/${requestId}`;
}

/** `commandType` null or unknown (an answer to a command another client sent) refuses with 409. */
export function replyTo(commandType: string | null, requestId: string, answer: CommandAnswer | undefined): CommandReply {
  if (!answer) return { status: 202, body: { requestId, status: 'PENDING', links: { answer: commandAnswerPath(requestId) } } };
  if (answer.outcome === 'APPLIED') return { status: 200, body: { requestId, outcome: 'APPLIED', message: answer.message } };
  const status = REFUSED_STATUS[commandType as OpsCommandType] ?? 409;
  return { status, body: { error: answer.message, details: answer.details ?? [] } };
}
