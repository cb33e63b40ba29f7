// POST /v1/quotes, for the OpenAPI document (CONTRACT 7.1).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLEARANCE_MODELS, TAX_REGIMES } from '@cbec/contracts';
import { TaxLineBody, TaxTotalsBody } from '../clearances/clearance-view.dto';

export const QUOTE_REASON_CODES = ['UNSUPPORTED_CURRENCY', 'UNKNOWN_HS_CODE', 'PROHIBITED_GOODS', 'NOT_ON_POSITIVE_LIST', 'SINGLE_LIMIT_EXCEEDED', 'ANNUAL_LIMIT_EXCEEDED'];

export class QuoteBody {
  @ApiProperty({ enum: CLEARANCE_MODELS }) clearanceModel: string;
  @ApiProperty({ description: 'whether the order could clear, as far as can be known before it is placed' }) admissible: boolean;
  @ApiPropertyOptional({ enum: QUOTE_REASON_CODES, description: 'the reason the order would be rejected with, when not admissible' }) reasonCode?: string;
  @ApiPropertyOptional({ enum: TAX_REGIMES, description: 'the regime the assessment would decide; absent when a limit stops the order' }) regime?: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ example: '418.00' }) dutiableTotal: string;
  @ApiPropertyOptional({ type: [TaxLineBody], description: 'as tax-assessed would say them, to the cent; at full rates when a limit stops the order; absent when an item has no tariff entry (or the currency is not CNY)' }) lines?: TaxLineBody[];
  @ApiPropertyOptional({ type: TaxTotalsBody }) totals?: TaxTotalsBody;
}
