// GET /v1/ops/clearances/{platformId}/{orderId}/particulars, for the OpenAPI document.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ParticularsDocumentBody {
  @ApiProperty({ example: 'INVOICE' }) kind: string;
  @ApiProperty({ enum: ['LOGISTICS', 'ORDER', 'PLATFORM'], description: 'the logistics company, the order and payment data, or the platform\'s proof' }) providedBy: string;
  @ApiProperty({ example: 'INV-TG20261111000123', description: 'a reference, or the file name of a proof' }) reference: string;
  @ApiPropertyOptional() sha256?: string;
}

export class ConsigneeBody {
  @ApiProperty({ example: 'Li Wei' }) name: string;
  @ApiProperty({ example: 'CN_RESIDENT_ID' }) idType: string;
  @ApiProperty({ example: '110105********002X', description: 'masked' }) idNumber: string;
  @ApiProperty({ example: '+86138****0000', description: 'masked' }) phone: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { province: 'Zhejiang', city: 'Hangzhou', line1: '1 Wensan Rd' } }) address: Record<string, string>;
}

export class ParticularsItemBody {
  @ApiProperty() sku: string;
  @ApiProperty() name: string;
  @ApiProperty() hsCode: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ example: '199.00' }) unitPrice: string;
  @ApiProperty() originCountry: string;
  @ApiPropertyOptional() grossWeightKg?: string;
}

export class ParticularsBody {
  @ApiPropertyOptional({ format: 'date-time' }) placedAt?: string;
  @ApiPropertyOptional({ example: 'CNY' }) currency?: string;
  @ApiPropertyOptional({ example: 'HANGZHOU' }) bondedZone?: string;
  @ApiPropertyOptional({ type: ConsigneeBody }) consignee?: ConsigneeBody;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'provider, transactionId, payer (ID masked), amount, paidAt' }) payment?: Record<string, string>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { carrier: 'SF-INTL', waybillNumber: 'SF1234567890' } }) logistics?: Record<string, string>;
  @ApiPropertyOptional({ type: [ParticularsItemBody] }) items?: ParticularsItemBody[];
  @ApiPropertyOptional({ example: '20.00' }) freight?: string;
  @ApiPropertyOptional({ example: '0.00' }) insurance?: string;
  @ApiPropertyOptional({ format: 'date-time' }) declaredAt?: string;
  @ApiProperty({ type: [ParticularsDocumentBody] }) documents: ParticularsDocumentBody[];
}

export class OrderParticularsBody {
  @ApiProperty({ example: 'tmall-global' }) platformId: string;
  @ApiProperty({ example: 'TG20261111000123' }) orderId: string;
  @ApiProperty({ type: ParticularsBody, nullable: true, description: 'null until the order is confirmed (an order rejected at intake has none)' }) particulars: ParticularsBody | null;
}
