// The tax assessment of an approved order (CONTRACT 4.3): dutiable values, the regime, and the
// duty, consumption tax and VAT of every line, rounded half-up to the cent.
import type { ClearanceModel, TaxRegime } from '@cbec/contracts';
import type { Decimal } from 'decimal.js';
import { shareFreight } from './freight-share';
import { Money, sumMoney, toMoney } from './money';
import { decideRetailRegime } from './retail-limits';

/** Within the retail limits, consumption tax and VAT are due at 70% of the full-rate amounts. */
export const RETAIL_TAX_FACTOR = '0.7';

export interface TaxRates {
  dutyRate: string;
  consumptionTaxRate: string;
  vatRate: string;
}

export interface TaxLineInput {
  sku: string;
  quantity: number;
  unitPrice: string;
  /** From the line's tariff entry. */
  rates: TaxRates;
}

export interface TaxInput {
  model: ClearanceModel;
  lines: readonly TaxLineInput[];
  freight: string;
  insurance: string;
  /** What the consumer's earlier orders of the quota year already count (retail models only). */
  annualTotalBefore: string;
}

export interface AssessedLine {
  sku: string;
  dutiableValue: string;
  duty: string;
  consumptionTax: string;
  vat: string;
}

export interface TaxTotals {
  duty: string;
  consumptionTax: string;
  vat: string;
  total: string;
}

export interface TaxAssessed {
  ok: true;
  regime: TaxRegime;
  dutiableTotal: string;
  lines: AssessedLine[];
  totals: TaxTotals;
  /** Added to the consumer's annual total: the dutiable total under a retail regime, else "0.00". */
  countsTowardAnnual: string;
}

export interface TaxLimitExceeded {
  ok: false;
  reasonCode: 'SINGLE_LIMIT_EXCEEDED' | 'ANNUAL_LIMIT_EXCEEDED';
}

export type TaxAssessment = TaxAssessed | TaxLimitExceeded;

/** Unrounded amounts of one line. */
interface LineTax {
  duty: Decimal;
  consumptionTax: Decimal;
  vat: Decimal;
}

const ZERO = new Money(0);
const ONE = new Money(1);

export function assessTax(input: TaxInput): TaxAssessment {
  const dutiableValues = dutiableValuesOf(input);
  const dutiableTotal = sumMoney(dutiableValues);
  const decision = decideRegime(input, dutiableTotal);
  if (!decision.ok) return decision;
  const { regime } = decision;
  const { lines, totals } = amountsOf(input, dutiableValues, regime === 'CBEC_RETAIL' ? retailTax : fullRateTax);
  return {
    ok: true,
    regime,
    dutiableTotal,
    lines,
    totals,
    countsTowardAnnual: regime === 'GENERAL_TRADE' ? '0.00' : dutiableTotal,
  };
}

/**
 * Duty, consumption tax and VAT at full rates whatever the limits: what goods outside the retail
 * limits pay. A quote of an order over a limit shows these (the order itself would be rejected).
 */
export function taxAtFullRates(input: Pick<TaxInput, 'lines' | 'freight' | 'insurance'>): Pick<TaxAssessed, 'dutiableTotal' | 'lines' | 'totals'> {
  const dutiableValues = dutiableValuesOf(input);
  return { dutiableTotal: sumMoney(dutiableValues), ...amountsOf(input, dutiableValues, fullRateTax) };
}

function amountsOf(input: Pick<TaxInput, 'lines'>, dutiableValues: readonly string[], taxOf: (dutiableValue: Decimal, rates: TaxRates) => LineTax): Pick<TaxAssessed, 'lines' | 'totals'> {
  const lines = input.lines.map((line, index) => assessedLine(line.sku, dutiableValues[index], taxOf(new Money(dutiableValues[index]), line.rates)));
  return { lines, totals: totalsOf(lines) };
}

/** Per line: quantity * unitPrice plus its share of freight + insurance. */
export function dutiableValuesOf(input: { lines: readonly Pick<TaxLineInput, 'quantity' | 'unitPrice'>[]; freight: string; insurance: string }): string[] {
  const lineValues = input.lines.map((line) => toMoney(new Money(line.unitPrice).times(line.quantity)));
  const shares = shareFreight(lineValues, toMoney(new Money(input.freight).plus(input.insurance)));
  return lineValues.map((value, index) => sumMoney([value, shares[index]]));
}

/** General trade pays full rates whatever the amounts; the retail models go by their limits. */
function decideRegime(input: TaxInput, dutiableTotal: string): { ok: true; regime: TaxRegime } | TaxLimitExceeded {
  if (input.model === 'GENERAL_TRADE') return { ok: true, regime: 'GENERAL_TRADE' };
  return decideRetailRegime({ lines: input.lines, dutiableTotal, annualTotalBefore: input.annualTotalBefore });
}

/** duty = dv * d; ct = (dv + duty) / (1 - c) * c; vat = (dv + duty + ct) * v. */
function fullRateTax(dutiableValue: Decimal, rates: TaxRates): LineTax {
  const duty = dutiableValue.times(rates.dutyRate);
  const consumptionTax = consumptionTaxOn(dutiableValue.plus(duty), rates.consumptionTaxRate);
  const vat = dutiableValue.plus(duty).plus(consumptionTax).times(rates.vatRate);
  return { duty, consumptionTax, vat };
}

/** Duty 0 and left out of both bases; ct and vat at full rate (vat on the full ct), then 70% due. */
function retailTax(dutiableValue: Decimal, rates: TaxRates): LineTax {
  const consumptionTax = consumptionTaxOn(dutiableValue, rates.consumptionTaxRate);
  const vat = dutiableValue.plus(consumptionTax).times(rates.vatRate);
  return { duty: ZERO, consumptionTax: consumptionTax.times(RETAIL_TAX_FACTOR), vat: vat.times(RETAIL_TAX_FACTOR) };
}

/** base / (1 - c) * c, multiplied before dividing so the one inexact step comes last. */
function consumptionTaxOn(base: Decimal, rate: string): Decimal {
  const divisor = ONE.minus(rate);
  if (divisor.lessThanOrEqualTo(0)) throw new RangeError(`consumption tax rate ${rate} must be below 1`);
  return base.times(rate).dividedBy(divisor);
}

function assessedLine(sku: string, dutiableValue: string, tax: LineTax): AssessedLine {
  return { sku, dutiableValue, duty: toMoney(tax.duty), consumptionTax: toMoney(tax.consumptionTax), vat: toMoney(tax.vat) };
}

function totalsOf(lines: readonly AssessedLine[]): TaxTotals {
  const duty = sumMoney(lines.map((line) => line.duty));
  const consumptionTax = sumMoney(lines.map((line) => line.consumptionTax));
  const vat = sumMoney(lines.map((line) => line.vat));
  return { duty, consumptionTax, vat, total: sumMoney([duty, consumptionTax, vat]) };
}
