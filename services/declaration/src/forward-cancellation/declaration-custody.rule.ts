// How the declaration stands to an order when a cancellation comes (CONTRACT 7.2): it files a
// declaration in the same step it receives what it needs, so it never holds an order. Waiting for
// the logistics company's documents (model I), the order is with logistics; filed, with
// inspection.
import type { Custody } from '@cbec/domain';
import type { DeclarationStatus } from '../persistence/declaration.entity';

export function declarationCustodyOf(declaration: { status: DeclarationStatus }): Custody {
  return declaration.status === 'AWAITING_DOCUMENTS' ? { kind: 'HANDED_ON', to: 'logistics' } : { kind: 'HANDED_ON', to: 'inspection' };
}
