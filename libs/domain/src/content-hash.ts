// "The same content again" (CONTRACT 2): a hash of a payload's canonical JSON, key order
// ignored, so a re-serialized request is still the same request.
import { createHash } from 'node:crypto';

export function contentHashOf(data: unknown): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

/** Raw text among the values still to write. */
class Written {
  constructor(readonly text: string) {}
}

/**
 * Sorted-key JSON, written without recursion: a payload nested thousands of levels deep is
 * hashed (and then refused by the field rules), not a stack overflow.
 */
function canonicalJson(root: unknown): string {
  const out: (string | undefined)[] = [];
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value instanceof Written) {
      out.push(value.text);
    } else if (Array.isArray(value)) {
      const parts: unknown[] = [new Written('[')];
      value.forEach((item, index) => parts.push(...(index > 0 ? [new Written(',')] : []), item === undefined ? new Written('') : item));
      parts.push(new Written(']'));
      pending.push(...parts.reverse());
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const parts: unknown[] = [new Written('{')];
      entries.forEach(([key, item], index) => parts.push(new Written(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`), item));
      parts.push(new Written('}'));
      pending.push(...parts.reverse());
    } else {
      out.push(JSON.stringify(value));
    }
  }
  return out.join('');
}
