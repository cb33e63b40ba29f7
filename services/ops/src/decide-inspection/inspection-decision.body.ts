// POST /v1/inspections/{platformId}/{orderId}/decision: an officer's decision on an order held
// for review or in quarantine (CONTRACT 4.2 rules 3 and 5).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { InspectionDecisionData } from '@cbec/contracts';

export const DECISIONS = ['RELEASE', 'FAIL'] as const;

export class InspectionDecisionBody {
  @ApiProperty({ enum: DECISIONS, description: 'RELEASE passes the hold or the quarantine (APPROVED follows); FAIL rejects the order with INSPECTION_FAILED' })
  @IsIn(DECISIONS, { message: `$property must be one of ${DECISIONS.join(', ')}` })
  decision: InspectionDecisionData['decision'];

  @ApiPropertyOptional({ example: 'label does not match the goods', description: 'the officer\'s note; a FAIL shows it in the rejection details' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
