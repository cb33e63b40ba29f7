// What PUT /v1/tariffs/{hsPrefix} accepts: a prefix of 4 to 10 digits in the path and a valid
// entry in the body, whose own hsPrefix, if any, is the path's. Every field error at once.
import { FieldError, TariffEntryData, validatePayload } from '@cbec/contracts';
import { HS_PREFIX_PATTERN, TariffEntryBody, tariffEntryOf } from '@cbec/tariff-table';

export type TariffPut = { ok: true; entry: TariffEntryData } | { ok: false; errors: FieldError[] };

export function readTariffPut(hsPrefix: string, body: unknown): TariffPut {
  const errors: FieldError[] = [];
  if (!HS_PREFIX_PATTERN.test(hsPrefix)) errors.push({ field: 'hsPrefix', message: 'hsPrefix (in the path) must be 4 to 10 digits' });
  const { value, errors: bodyErrors } = validatePayload(TariffEntryBody, body);
  errors.push(...bodyErrors);
  // Read from the body itself: `value` is there only when the body is valid as a whole.
  const bodyPrefix = (body as { hsPrefix?: unknown } | null)?.hsPrefix;
  if (typeof bodyPrefix === 'string' && HS_PREFIX_PATTERN.test(bodyPrefix) && bodyPrefix !== hsPrefix) errors.push({ field: 'hsPrefix', message: `hsPrefix in the body (${bodyPrefix}) must be the path's (${hsPrefix}) or left out` });
  if (errors.length > 0 || !value) return { ok: false, errors };
  return { ok: true, entry: tariffEntryOf(hsPrefix, value) };
}
