// The body of POST /v1/quotes (CONTRACT 7.1): field rules as in 2.1, the ID checksum included,
// every field error at once.
import { FieldError, QuoteRequestData, RESIDENT_ID_FORMAT, validatePayload } from '@cbec/contracts';
import { residentIdProblem } from '@cbec/domain';

export function readQuoteRequest(body: unknown, today: Date = new Date()): { request: QuoteRequestData; errors: [] } | { request?: undefined; errors: FieldError[] } {
  const { value, errors } = validatePayload(QuoteRequestData, body);
  const idNumber = (body as { consumer?: { idNumber?: unknown } } | null)?.consumer?.idNumber;
  const idProblem = typeof idNumber === 'string' && RESIDENT_ID_FORMAT.test(idNumber) ? residentIdProblem(idNumber, today) : undefined;
  const all = [...errors, ...(idProblem ? [{ field: 'consumer.idNumber', message: `consumer.idNumber ${idProblem}` }] : [])];
  return value && all.length === 0 ? { request: value, errors: [] } : { errors: all };
}
