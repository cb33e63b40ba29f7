// Puts a command reply on the HTTP response: refusals go through the error filter (the
// contract's error shape), the rest set their status (200 or 202) and return their body.
import { HttpException } from '@nestjs/common';
import type { Response } from 'express';
import type { CommandReply } from './command-reply.rule';

export function sendReply<T>(response: Response, reply: CommandReply, appliedBody?: T): T | CommandReply['body'] {
  if (reply.status === 400 || reply.status === 409) throw new HttpException(reply.body, reply.status);
  response.status(reply.status);
  return reply.status === 200 && appliedBody !== undefined ? appliedBody : reply.body;
}
