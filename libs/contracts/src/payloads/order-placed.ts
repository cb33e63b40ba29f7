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
  Length,
  Matches,
  Min,
  ValidateIf,
} from 'class-validator';
import { BONDED_ZONES, CLEARANCE_MODELS, ClearanceModel } from '../vocabulary';
import { IsIdentifier, IsIso4217, IsMoney, IsNestedObject, IsPositiveMoney, IsTimestamp } from './field-rules';

export const RESIDENT_ID_FORMAT = /^\d{17}[\dX]$/;

/** Kilograms as a decimal string: "0.12". */
const KILOGRAMS_FORMAT = /^\d{1,6}(\.\d{1,3})?$/;
const KILOGRAMS_MESSAGE = '$property must be a decimal string of kilograms, e.g. "0.12"';

/** The JGS-20 transport modes of the Single Window's `trafMode`: waterway, road, air (CONTRACT 8.2). */
export const TRANSPORT_MODES = ['2', '4', '5'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/** An item's unit (JGS-20) when the order names none: `011`, article (CONTRACT 8.2). */
export const DEFAULT_ITEM_UNIT = '011';

/** A field the platform may leave out, but not send as null: present means checked. */
const IfPresent = () => ValidateIf((_, value) => value !== undefined);

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
  /** The buyer's account on the platform (the Single Window's buyerRegNo); default a keyed hash of the ID number. */
  @IfPresent() @IsString() @Length(1, 60) accountId?: string;
}

export class PaymentData {
  @IsString() @IsNotEmpty() provider: string;
  @IsString() @IsNotEmpty() transactionId: string;
  @IsString() @IsNotEmpty() payerName: string;
  @IsString() @IsNotEmpty() payerIdNumber: string;
  @IsMoney() amount: string;
  @IsTimestamp() paidAt: string;
}

/**
 * How model I goods travel (the Single Window's trafMode, trafNo, voyageNo, billNo); each field
 * overrides the carrier's in the profile. Their lengths are the message standard's, checked at
 * intake for model I (libs/single-window).
 */
export class TransportData {
  @IfPresent() @IsIn(TRANSPORT_MODES, { message: `$property must be a transport mode of JGS-20: ${TRANSPORT_MODES.join(', ')} (waterway, road, air)` }) trafMode?: TransportMode;
  /** The vehicle, vessel or flight. */
  @IfPresent() @IsString() @IsNotEmpty() trafNo?: string;
  @IfPresent() @IsString() @IsNotEmpty() voyageNo?: string;
  /** The bill of lading or air waybill. */
  @IfPresent() @IsString() @IsNotEmpty() billNo?: string;
}

export class LogisticsData {
  @IsString() @IsNotEmpty() carrier: string;
  /** May be absent for DIRECT_MAIL: the logistics service assigns one. */
  @ValidateIf((_, value) => value !== undefined) @IsString() @IsNotEmpty() waybillNumber?: string;
  /** Model I: how the goods travel. */
  @IfPresent() @IsNestedObject(() => TransportData) transport?: TransportData;
}

export class OrderItemData {
  @IsString() @IsNotEmpty() sku: string;
  @IsString() @IsNotEmpty() name: string;
  @Matches(/^\d{10}$/, { message: '$property must be 10 digits' }) hsCode: string;
  @IsInt() @Min(1) quantity: number;
  @IsPositiveMoney() unitPrice: string;
  @Matches(/^[A-Z]{2}$/, { message: '$property must be a two-letter ISO 3166 country code' }) originCountry: string;
  @IsOptional() @Matches(KILOGRAMS_FORMAT, { message: KILOGRAMS_MESSAGE }) grossWeightKg?: string;
  /** Brand, model, specification (the Single Window's gmodel); default the item's name. */
  @IfPresent() @IsString() @Length(1, 510) spec?: string;
  /** The unit of `quantity`, a JGS-20 code of 3 digits; default `011` (article). */
  @IfPresent() @Matches(/^\d{3}$/, { message: '$property must be a JGS-20 unit code of 3 digits, e.g. "011"' }) unit?: string;
  @IfPresent() @IsString() @Length(1, 50) barCode?: string;
  /** The bonded zone's account-book item number (model III). */
  @IfPresent() @IsString() @Length(1, 30) recordNo?: string;
  /** Default grossWeightKg. */
  @IfPresent() @Matches(KILOGRAMS_FORMAT, { message: KILOGRAMS_MESSAGE }) netWeightKg?: string;
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
