// The other inbound types a platform publishes (CONTRACT 2.2).
import { ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { DOCUMENT_KINDS, DocumentKind, RECEIPT_METHODS, ReceiptMethod } from '../vocabulary';
import { IsIdentifier, IsMoney, IsNestedObject, IsTimestamp } from './field-rules';

export class ProofDocumentData {
  @IsIn(DOCUMENT_KINDS) kind: DocumentKind;
  @IsString() @IsNotEmpty() fileName: string;
  @Matches(/^[0-9a-f]{64}$/i, { message: '$property must be a SHA-256 hex digest (64 hex characters)' }) sha256: string;
}

export class ProofSubmittedData {
  @IsIdentifier() platformId: string;
  @IsIdentifier() orderId: string;
  @IsArray() @ArrayMinSize(1) @IsNestedObject(() => ProofDocumentData, { each: true }) documents: ProofDocumentData[];
  @IsOptional() @IsString() note?: string;
}

export class TaxPaidData {
  @IsIdentifier() platformId: string;
  @IsIdentifier() orderId: string;
  @IsString() @IsNotEmpty() assessmentId: string;
  @IsMoney() amount: string;
  @IsString() @IsNotEmpty() paymentReference: string;
  @IsTimestamp() paidAt: string;
}

export class GoodsReceivedData {
  @IsIdentifier() platformId: string;
  @IsIdentifier() orderId: string;
  @IsString() @IsNotEmpty() receivedBy: string;
  @IsTimestamp() receivedAt: string;
  @IsIn(RECEIPT_METHODS) method: ReceiptMethod;
  @IsOptional() @IsString() pickupCode?: string;
}
