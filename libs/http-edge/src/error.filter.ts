// Every error answer has the contract's shape `{ error, details: [{ field, message }] }`, the
// body parser's failures included (malformed JSON 400, over 1 MiB 413), and nothing is a bare 500.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import type { FieldError } from '@cbec/contracts';
import type { Logger } from '@cbec/messaging';

export class BadRequestWithDetails extends HttpException {
  constructor(error: string, details: FieldError[]) {
    super({ error, details }, HttpStatus.BAD_REQUEST);
  }
}

@Catch()
export class ErrorShapeFilter implements ExceptionFilter {
  constructor(private readonly log: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.describe(exception);
    if (status >= 500) this.log.error({ err: exception }, 'request failed');
    response.status(status).json(body);
  }

  private describe(exception: unknown): { status: number; body: { error: string; details: FieldError[] } } {
    const parserError = exception as { type?: string; status?: number; message?: string };
    if (parserError?.type === 'entity.too.large') return { status: 413, body: { error: 'request body is larger than 1 MiB', details: [] } };
    if (parserError?.type === 'entity.parse.failed') return { status: 400, body: { error: 'request body is not valid JSON', details: [{ message: parserError.message ?? 'malformed JSON' }] } };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse() as string | { error?: string; message?: string | string[]; details?: FieldError[] };
      if (typeof raw === 'string') return { status, body: { error: raw, details: [] } };
      if (raw.details) return { status, body: { error: raw.error ?? exception.message, details: raw.details } };
      const messages = Array.isArray(raw.message) ? raw.message : raw.message ? [raw.message] : [];
      return { status, body: { error: messages[0] ?? exception.message, details: messages.slice(1).map((message) => ({ message })) } };
    }
    return { status: 500, body: { error: 'internal error; it has been logged', details: [] } };
  }
}
