// cbec.platform.order-placed.v1 data (CONTRACT 2.1): the shape and every field rule. The ID
// checksum and the cross-field matches (identity, payment) are rules of libs/domain.
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateIf,
} from 'class-validator';
import { BONDED_ZONES, CLEARANCE_MODELS, ClearanceModel } from '../vocabulary';
import { IsIdentifier, IsIso4217, IsMoney, IsNestedObject, IsPositiveMoney, IsTimestamp } from './field-rules';

export const RESIDENT_ID_FORMAT = /^\d{17}[\dX]$/;

export class AddressData {
  @IsString() @IsNotEmpty() province: string;
  @IsString() @IsNotEmpty() city: string;
  @IsOptional() @IsString() district?: string;
  @IsString() @IsNotEmpty() line1: string;
  @IsOptional() @Matches(/^\d{6}$/, { message: '$property must be 6 digits' }) postalCode?: string;
}

export class ConsumerData {
  @IsString() @IsNotEmpty() name: string;
  @IsIn(['CN_RESIDENT_ID']) idType: 'CN_RESIDENT_ID';
  @Matches(RESIDENT_ID_FORMAT, { message: '$property must be an 18-character PRC resident ID' }) idNumber: string;
  @Matches(/^\+?\d{6,15}$/, { message: '$property must be a phone number of 6-15 digits, e.g. "+8613800000000"' }) phone: string;
  @IsNestedObject(() => AddressData) address: AddressData;
}

export class PaymentData {
  @IsString() @IsNotEmpty() provider: string;
  @IsString() @IsNotEmpty() transactionId: string;
  @IsString() @IsNotEmpty() payerName: string;
  @IsString() @IsNotEmpty() payerIdNumber: string;
  @IsMoney() amount: string;
  @IsTimestamp() paidAt: string;
}

export class LogisticsData {
  @IsString() @IsNotEmpty() carrier: string;
  /** May be absent for DIRECT_MAIL: the logistics service assigns one. */
  @ValidateIf((_, value) => value !== undefined) @IsString() @IsNotEmpty() waybillNumber?: string;
}

export class OrderItemData {
  @IsString() @IsNotEmpty() sku: string;
  @IsString() @IsNotEmpty() name: string;
  @Matches(/^\d{10}$/, { message: '$property must be 10 digits' }) hsCode: string;
  @IsInt() @Min(1) quantity: number;
  @IsPositiveMoney() unitPrice: string;
  @Matches(/^[A-Z]{2}$/, { message: '$property must be a two-letter ISO 3166 country code' }) originCountry: string;
  @IsOptional() @Matches(/^\d{1,6}(\.\d{1,3})?$/, { message: '$property must be a decimal string of kilograms, e.g. "0.12"' }) grossWeightKg?: string;
}

export class OrderPlacedData {
  @IsIdentifier() platformId: string;
  @IsIdentifier() orderId: string;
  @IsIn(CLEARANCE_MODELS) clearanceModel: ClearanceModel;
  @IsTimestamp() placedAt: string;
  /** Any valid ISO 4217 code passes here; only CNY passes intake (UNSUPPORTED_CURRENCY). */
  @IsIso4217() currency: string;
  @IsNestedObject(() => ConsumerData) consumer: ConsumerData;
  @IsNestedObject(() => PaymentData) payment: PaymentData;
  @IsNestedObject(() => LogisticsData) logistics: LogisticsData;
  @ValidateIf((order: OrderPlacedData) => order.clearanceModel === 'BONDED_ZONE' || order.bondedZone !== undefined)
  @IsIn(BONDED_ZONES, { message: `$property must be a configured bonded zone (${BONDED_ZONES.join(', ')}); required for BONDED_ZONE` })
  bondedZone?: string;
  @IsArray() @ArrayMinSize(1) @IsNestedObject(() => OrderItemData, { each: true }) items: OrderItemData[];
  /** Optional; "0.00" when absent. */
  @IsOptional() @IsMoney() freight?: string;
  /** Optional; "0.00" when absent. */
  @IsOptional() @IsMoney() insurance?: string;
}
