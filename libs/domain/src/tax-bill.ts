// Whether customs' electronic tax bill (CEB816, CONTRACT 8.4) says what the system's assessment
// said: customs duty, VAT and consumption tax, each to the cent.
import { toMoney } from './money';

/** The three taxes of a CEB816 bill, as decimal strings (up to 5 decimals). */
export interface TaxBillAmounts {
  customsTax: string;
  valueAddedTax: string;
  consumptionTax: string;
}

/** The assessment's totals (tax-assessed.v1 `totals`). */
export interface AssessedTaxes {
  duty: string;
  vat: string;
  consumptionTax: string;
}

/** Each tax of the bill rounded half-up to the cent equals the assessed one; an amount that is not a decimal matches nothing. */
export function taxBillMatchesAssessment(bill: TaxBillAmounts, assessed: AssessedTaxes): boolean {
  return sameCents(bill.customsTax, assessed.duty) && sameCents(bill.valueAddedTax, assessed.vat) && sameCents(bill.consumptionTax, assessed.consumptionTax);
}

function sameCents(a: string, b: string): boolean {
  const cents = (value: string) => (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? toMoney(value.trim()) : undefined);
  const [left, right] = [cents(a), cents(b)];
  return left !== undefined && left === right;
}
