// The gateway never keeps a consumer's ID number: their annual total is filed under an HMAC-SHA256
// of it with the gateway's secret (CONSUMER_KEY_SECRET), which a stolen table cannot be reversed
// from by trying the small space of valid ID numbers. The check character is read uppercase.
import { createHmac } from 'node:crypto';

export function consumerKeyOf(idNumber: string, secret: string): string {
  return createHmac('sha256', secret).update(idNumber.trim().toUpperCase(), 'utf8').digest('hex');
}
