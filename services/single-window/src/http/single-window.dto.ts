// The bodies of the Single Window service's REST calls (CONTRACT 8.5), for the checks and the
// OpenAPI document.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { SingleWindowMessageType } from '@cbec/contracts';

export const SENT_MESSAGE_TYPES: readonly SingleWindowMessageType[] = ['CEB311', 'CEB621', 'CEB623', 'CEB625'];

export class CustomsMessageItem {
  @ApiProperty({ example: 'CEB621', description: 'CEB311, CEB621, CEB623, CEB625 sent; CEB312, CEB622, CEB624, CEB626, CEB816, CEB900 received' }) messageType: string;
  @ApiProperty({ enum: ['OUT', 'IN'] }) direction: 'OUT' | 'IN';
  @ApiProperty({ example: '4C4E1C2A-6E36-4F0B-9E59-0D2B6C1E7A10' }) guid: string;
  @ApiPropertyOptional({ example: 'CBEC2026000000000001', description: 'the enterprise\'s number of the document sent, or answered' }) copNo?: string;
  @ApiProperty({ format: 'date-time', description: 'sent: when it was built; received: customs\' returnTime' }) at: string;
  @ApiPropertyOptional({ example: '120' }) returnStatus?: string;
  @ApiPropertyOptional({ example: '放行' }) returnInfo?: string;
}

export class ResendBody {
  @ApiProperty({ enum: SENT_MESSAGE_TYPES, description: 'the message to build again from the current data, with a new guid (a CEB621 with appType 2)' })
  @IsIn(SENT_MESSAGE_TYPES, { message: `$property must be one of ${SENT_MESSAGE_TYPES.join(', ')}` })
  messageType: SingleWindowMessageType;
}

export class ResentMessage {
  @ApiProperty({ enum: SENT_MESSAGE_TYPES }) messageType: string;
  @ApiProperty() guid: string;
  @ApiProperty() copNo: string;
  @ApiProperty({ example: '2' }) appType: string;
}

export class FailedReceiptFileItem {
  @ApiProperty({ example: 'CEB622_CBEC2026000000000001_20261204120000000.xml', description: 'its name in failed/ beside the in folder' }) fileName: string;
  @ApiProperty({ example: 'unreadable receipt: not XML' }) reason: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class RefusedMessageItem {
  @ApiProperty() platformId: string;
  @ApiProperty() orderId: string;
  @ApiProperty({ enum: SENT_MESSAGE_TYPES }) messageType: string;
  @ApiProperty() guid: string;
  @ApiProperty() copNo: string;
  @ApiProperty({ example: '-1' }) returnStatus: string;
  @ApiProperty({ example: 'signature invalid' }) returnInfo: string;
  @ApiProperty({ format: 'date-time', description: 'when the exchange refused it' }) at: string;
}

class TaxAmounts {
  @ApiProperty({ example: '0.00' }) customsTax: string;
  @ApiProperty({ example: '44.75' }) valueAddedTax: string;
  @ApiProperty({ example: '51.64' }) consumptionTax: string;
}

class AssessedAmounts {
  @ApiProperty({ example: '0.00' }) duty: string;
  @ApiProperty({ example: '44.75' }) valueAddedTax: string;
  @ApiProperty({ example: '51.64' }) consumptionTax: string;
}

export class TaxBillDifferenceItem {
  @ApiProperty() platformId: string;
  @ApiProperty() orderId: string;
  @ApiProperty() invtNo: string;
  @ApiProperty() taxNo: string;
  @ApiProperty({ type: TaxAmounts, description: 'customs\' CEB816' }) bill: TaxAmounts;
  @ApiProperty({ type: AssessedAmounts, description: 'the assessment (tax-assessed)' }) assessment: AssessedAmounts;
  @ApiProperty({ format: 'date-time' }) at: string;
}
