// Sends an ops command to the service that owns the decision and waits for its answer: the
// command goes through the outbox onto cbec.ops.commands (its event id is the requestId), and the
// answer is polled from command_answer, which whichever replica consumes the answer fills.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { CommandAnswerData, TOPICS } from '@cbec/contracts';
import { Messaging } from '@cbec/messaging';
import { OPS_CONFIG, OpsConfig } from '../config';
import { CommandAnswerRecord } from './command-answer.entity';
import { CommandAnswer, CommandReply, OpsCommandType, replyTo } from './command-reply.rule';

export interface OpsCommand<T = unknown> {
  type: OpsCommandType;
  /** The order key, or tariffSubject / deadLetterSubject for commands about no order. */
  subject: string;
  data: T;
}

export interface SentCommand {
  requestId: string;
  commandType: string | null;
  /** Undefined when no answer came in time. */
  answer?: CommandAnswer;
}

@Injectable()
export class OpsCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messaging: Messaging,
    @Inject(OPS_CONFIG) private readonly config: OpsConfig,
  ) {}

  async send(command: OpsCommand): Promise<SentCommand> {
    const requestId = await this.dataSource.transaction(async (manager) => {
      const [event] = await this.messaging.outbox.publish(manager, [{ topic: TOPICS.opsCommands, type: command.type, subject: command.subject, data: command.data }]);
      await manager.getRepository(CommandAnswerRecord).insert({ requestId: event.id, commandType: command.type, sentAt: new Date() });
      return event.id;
    });
    return { requestId, commandType: command.type, answer: await this.waitForAnswer(requestId) };
  }

  /** send() and the HTTP reply in one. */
  async sendAndReply(command: OpsCommand): Promise<CommandReply & { sent: SentCommand }> {
    const sent = await this.send(command);
    return { ...replyTo(sent.commandType, sent.requestId, sent.answer), sent };
  }

  /** A command's state now: undefined if the gateway never heard of it. */
  async find(requestId: string): Promise<SentCommand | undefined> {
    const row = await this.dataSource.getRepository(CommandAnswerRecord).findOneBy({ requestId });
    return row ? { requestId, commandType: row.commandType, answer: answerOf(row) } : undefined;
  }

  private async waitForAnswer(requestId: string): Promise<CommandAnswer | undefined> {
    const deadline = Date.now() + this.config.commandTimeoutMs;
    const answers = this.dataSource.getRepository(CommandAnswerRecord);
    for (;;) {
      const row = await answers.findOneBy({ requestId, outcome: Not(IsNull()) });
      if (row) return answerOf(row);
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.config.commandPollMs, left)));
    }
  }
}

/** Records an owner's answer, in the transaction of the handler that consumed it. */
export async function recordCommandAnswer(manager: EntityManager, answer: CommandAnswerData): Promise<void> {
  await manager.query(
    `INSERT INTO command_answer (request_id, outcome, message, details, answered_at) VALUES ($1, $2, $3, $4::jsonb, now())
     ON CONFLICT (request_id) DO UPDATE SET outcome = EXCLUDED.outcome, message = EXCLUDED.message, details = EXCLUDED.details, answered_at = EXCLUDED.answered_at`,
    [answer.requestId, answer.outcome, answer.message, answer.details ? JSON.stringify(answer.details) : null],
  );
}

/** Whether event data is an answer worth recording (a malformed one is logged and dropped). */
export function isCommandAnswer(data: unknown): data is CommandAnswerData {
  const answer = data as Partial<CommandAnswerData> | null;
  return typeof answer?.requestId === 'string' && answer.requestId !== '' && (answer.outcome === 'APPLIED' || answer.outcome === 'REFUSED') && typeof answer.message === 'string';
}

function answerOf(row: CommandAnswerRecord): CommandAnswer | undefined {
  if (!row.outcome) return undefined;
  return { outcome: row.outcome, message: row.message ?? '', ...(row.details ? { details: row.details } : {}) };
}
