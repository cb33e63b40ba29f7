// The contract's error shape (CONTRACT 5) for the OpenAPI document: every 4xx answers with it.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorBody {
  @ApiPropertyOptional({ example: 'consumptionTaxRate' }) field?: string;
  @ApiProperty({ example: 'consumptionTaxRate must be below 1' }) message: string;
}

export class ErrorBody {
  @ApiProperty({ example: 'invalid tariff entry' }) error: string;
  @ApiProperty({ type: [FieldErrorBody] }) details: FieldErrorBody[];
}
