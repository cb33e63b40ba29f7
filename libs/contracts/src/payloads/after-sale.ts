// The after-sale requests of CONTRACT 7: the landed-cost quote's body (REST only), and the
// cancellation and return events a platform publishes. Field rules as in 2.1.
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { CLEARANCE_MODELS, ClearanceModel } from '../vocabulary';
import { IsIdentifier, IsIso4217, IsMoney, IsNestedObject, IsPositiveMoney, IsTimestamp } from './field-rules';
import { RESIDENT_ID_FORMAT } from './order-placed';

/** 1 to 64 characters of [A-Za-z0-9_-], unique within the order (CONTRACT 7.3). */
export const RETURN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** cbec.platform.cancel-requested.v1 data (CONTRACT 7.2). */
export class CancelRequestedData {
  @IsIdentifier() platformId: string;
  @IsIdentifier() orderId: string;
  @IsString() @Length(1, 500, { message: '$property must be 1 to 500 characters' }) reason: string;
  @IsTimestamp() requestedAt: string;
}

export class ReturnItemData {
  @IsString() @IsNotEmpty() sku: string;
  @IsInt() @Min(1) quantity: number;
}

/** cbec.platform.return-requested.v1 data (CONTRACT 7.3). */
export class ReturnRequestedData {
  @IsIdentifier() platformId: string;
  @IsIdentifier() orderId: string;
  @Matches(RETURN_ID_PATTERN, { message: '$property must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -' }) returnId: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique((item: ReturnItemData) => item?.sku, { message: 'each sku may appear once in $property' })
  @IsNestedObject(() => ReturnItemData, { each: true })
  items: ReturnItemData[];
  @IsString() @Length(1, 500, { message: '$property must be 1 to 500 characters' }) reason: string;
  @IsTimestamp() requestedAt: string;
}

/** cbec.platform.return-received.v1 data (CONTRACT 7.3): the goods of a return are back. */
export class ReturnReceivedData {
  @IsIdentifier() platformId: string;
  @IsIdentifier() orderId: string;
  @Matches(RETURN_ID_PATTERN, { message: '$property must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -' }) returnId: string;
  @IsTimestamp() receivedAt: string;
}

export class QuoteItemData {
  @IsString() @IsNotEmpty() sku: string;
  @Matches(/^\d{10}$/, { message: '$property must be 10 digits' }) hsCode: string;
  @IsInt() @Min(1) quantity: number;
  @IsPositiveMoney() unitPrice: string;
}

export class QuoteConsumerData {
  /** The check character is checked too (libs/domain residentIdProblem), as at intake. */
  @Matches(RESIDENT_ID_FORMAT, { message: '$property must be an 18-character PRC resident ID' }) idNumber: string;
}

/** The body of POST /v1/quotes (CONTRACT 7.1). */
export class QuoteRequestData {
  @IsIn(CLEARANCE_MODELS) clearanceModel: ClearanceModel;
  @IsIso4217() currency: string;
  @IsArray() @ArrayMinSize(1) @IsNestedObject(() => QuoteItemData, { each: true }) items: QuoteItemData[];
  /** Optional; "0.00" when absent. */
  @IsOptional() @IsMoney() freight?: string;
  /** Optional; "0.00" when absent. */
  @IsOptional() @IsMoney() insurance?: string;
  /** Given, the answer also says whether the consumer's annual quota has room for the order. */
  @IsOptional() @IsNestedObject(() => QuoteConsumerData) consumer?: QuoteConsumerData;
}
