// A CEB816 electronic tax bill against the assessment (CONTRACT 8.4): customs' duty, VAT and
// consumption tax must equal the assessed totals to the cent; null while there is nothing to
// compare with.
import { Money } from '@cbec/domain';
import type { AssessedTotals } from '../persistence/customs-order.entity';

export interface TaxBillAmounts {
  customsTax: string;
  valueAddedTax: string;
  consumptionTax: string;
}

export function matchesAssessment(bill: TaxBillAmounts, assessed: AssessedTotals | null): boolean | null {
  if (!assessed) return null;
  const pairs: [string, string][] = [
    [bill.customsTax, assessed.duty],
    [bill.valueAddedTax, assessed.vat],
    [bill.consumptionTax, assessed.consumptionTax],
  ];
  return pairs.every(([billed, due]) => new Money(billed).toDecimalPlaces(2).equals(new Money(due).toDecimalPlaces(2)));
}
