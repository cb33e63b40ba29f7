// A tariff entry as ops send it (PUT /v1/tariffs/{hsPrefix}) and as tariff-changed events carry it
// (CONTRACT 4.1), for the OpenAPI and AsyncAPI documents and the checks: rates as decimal strings (a consumption tax rate below 1,
// since the tax divides by 1 - c), three booleans, an optional reference unit price above zero.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, registerDecorator, ValidateNested, ValidationOptions } from 'class-validator';
import { IsPositiveMoney, IsRate, LEGAL_UNIT_PATTERN, RATE_PATTERN, TariffEntryData, tariffEntryData } from '@cbec/contracts';

export const HS_PREFIX_PATTERN = /^\d{4,10}$/;
const HS_PREFIX_MESSAGE = '$property must be 4 to 10 digits';

/** A rate string below 1 (the consumption tax rate: the tax divides by 1 - c). */
function IsRateBelowOne(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isRateBelowOne',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be below 1', ...options },
      // Only judged once it is a rate at all, so a malformed value gets one message, not two.
      validator: { validate: (value: unknown) => typeof value !== 'string' || !RATE_PATTERN.test(value) || Number(value.split('.')[0]) < 1 },
    });
}

/** The fields of an entry besides its key. */
export class TariffEntryFields {
  @ApiProperty({ example: 'telephones and smartphones' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description: string;

  @ApiProperty({ example: '0', description: 'duty rate, a decimal string' })
  @IsRate()
  dutyRate: string;

  @ApiProperty({ example: '0.13', description: 'VAT rate, a decimal string' })
  @IsRate()
  vatRate: string;

  @ApiProperty({ example: '0', description: 'consumption tax rate, a decimal string below 1' })
  @IsRate()
  @IsRateBelowOne()
  consumptionTaxRate: string;

  @ApiProperty({ description: 'on the cross-border retail positive list' })
  @IsBoolean()
  cbecEligible: boolean;

  @ApiProperty({ description: 'goods subject to quarantine inspection' })
  @IsBoolean()
  quarantine: boolean;

  @ApiProperty({ description: 'goods that may not be imported' })
  @IsBoolean()
  prohibited: boolean;

  @ApiPropertyOptional({ example: '300.00', description: 'money string above zero; rule 4 of CONTRACT 4.2 compares unit prices with half of it' })
  @IsOptional()
  @IsPositiveMoney()
  referenceUnitPrice?: string;

  @ApiPropertyOptional({ example: '035', description: 'legal unit of quantity, a 3-digit JGS-20 unit code (035 kilogram, 007 piece, 001 set...); the Single Window inventory list declares qty1/unit1 in it. Default 035.' })
  @IsOptional()
  @Matches(LEGAL_UNIT_PATTERN, { message: '$property must be a 3-digit unit code, e.g. "035"' })
  legalUnit?: string;
}

/** PUT /v1/tariffs/{hsPrefix}: the entry; its hsPrefix may be left out (the path names it) or repeat the path's. */
export class TariffEntryBody extends TariffEntryFields {
  @ApiPropertyOptional({ example: '8517', description: 'if present, the same as in the path' })
  @IsOptional()
  @Matches(HS_PREFIX_PATTERN, { message: HS_PREFIX_MESSAGE })
  hsPrefix?: string;
}

/** A whole entry, keyed by its HS prefix, as GET /v1/tariffs lists it and events carry it. */
export class TariffEntryPayload extends TariffEntryFields implements TariffEntryData {
  @ApiProperty({ example: '8517', description: 'HS prefix of 4 to 10 digits; an item falls under its longest matching prefix' })
  @Matches(HS_PREFIX_PATTERN, { message: HS_PREFIX_MESSAGE })
  hsPrefix: string;
}

/** cbec.tax-permit.tariff-changed.v1 data, as the gateway checks it before updating its copy. */
export class TariffChangedPayload {
  @ValidateNested()
  @Type(() => TariffEntryPayload)
  entry: TariffEntryPayload;

  /** The ops command that asked for the change, if one did. */
  @IsOptional()
  @IsString()
  requestId?: string;
}

/** cbec.ops.tariff-upsert-requested.v1 data: the entry ops want in the table. */
export class TariffUpsertRequestedPayload {
  @ValidateNested()
  @Type(() => TariffEntryPayload)
  entry: TariffEntryPayload;
}

export class TariffList {
  @ApiProperty({ type: [TariffEntryPayload] })
  items: TariffEntryPayload[];
}

/** Only the contract's fields of an accepted body, with its key. */
export function tariffEntryOf(hsPrefix: string, body: TariffEntryFields): TariffEntryData {
  return tariffEntryData({ ...body, hsPrefix });
}
