// The clearance view as the REST API answers it (CONTRACT 5), for the OpenAPI document.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLEARANCE_MODELS, CLEARANCE_STATUSES, REFUSAL_REASONS, REJECTION_REASONS, RETURN_STATUSES, SERVICE_NAMES, TAX_REGIMES } from '@cbec/contracts';

export class TimelineEntryBody {
  @ApiProperty({
    example: 'cbec.declaration.declaration-submitted.v1',
    description: 'the event type: an internal event of a service, the platform\'s own (cbec.platform.*), or `customs-receipt` for a receipt of customs from the Single Window (CONTRACT 8.4)',
  })
  type: string;
  @ApiPropertyOptional({ enum: CLEARANCE_STATUSES, description: 'the status the order entered with this event; RECEIVED for order-placed; absent for requests, refusals and customs receipts (a receipt never changes the status by itself)' }) status?: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-11T00:00:03.120Z', description: 'when it happened; for a customs receipt, when customs wrote it. A receipt sits among the entries by this time' }) at: string;
  @ApiProperty({ enum: SERVICE_NAMES, description: 'the service that emitted the event; gateway for the platform\'s own events, single-window for customs receipts' }) service: string;
  @ApiPropertyOptional({
    example: 120,
    description:
      'customs receipt status code where one applies: 120 accepted, 300 manual review, 500 inspection, 800 released, 899 closed (completed or cancelled), 700 returned, 100 rejected; for a customs receipt, its returnStatus (CONTRACT 8.4: 1 to 3 declaring, 4 or negative refused by the exchange, ...)',
  })
  customsCode?: number;
  @ApiPropertyOptional({ enum: [...REJECTION_REASONS, ...REFUSAL_REASONS], description: 'why the order was rejected or a request refused' }) reasonCode?: string;
  @ApiPropertyOptional({ example: 'CEB622', description: 'customs receipts only: the receipt\'s message type (CEB312, CEB622, CEB624, CEB626, CEB816, CEB900)' }) messageType?: string;
  @ApiPropertyOptional({ example: '[Code:1800;Desc:逻辑校验通过]', description: 'customs receipts only: what customs wrote with it (returnInfo)' }) returnInfo?: string;
}

export class TaxLineBody {
  @ApiProperty({ example: 'JP-CREAM-50' }) sku: string;
  @ApiProperty({ example: '418.00' }) dutiableValue: string;
  @ApiProperty({ example: '0.00' }) duty: string;
  @ApiProperty({ example: '51.64' }) consumptionTax: string;
  @ApiProperty({ example: '44.75' }) vat: string;
}

export class TaxTotalsBody {
  @ApiProperty({ example: '0.00' }) duty: string;
  @ApiProperty({ example: '51.64' }) consumptionTax: string;
  @ApiProperty({ example: '44.75' }) vat: string;
  @ApiProperty({ example: '96.39' }) total: string;
}

/** The data of tax-assessed.v1. */
export class TaxAssessmentBody {
  @ApiProperty({ example: 'TA-20261111-000123' }) assessmentId: string;
  @ApiProperty({ enum: TAX_REGIMES }) regime: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ example: '418.00' }) dutiableTotal: string;
  @ApiProperty({ type: [TaxLineBody] }) lines: TaxLineBody[];
  @ApiProperty({ type: TaxTotalsBody }) totals: TaxTotalsBody;
  @ApiProperty({ description: 'true for model I: the platform withholds the tax' }) withheld: boolean;
  @ApiPropertyOptional({ format: 'date-time', description: 'when the tax must be paid (models II and III)' }) dueBy?: string;
}

export class PickupLocationBody {
  @ApiProperty({ example: 'Hangzhou bonded zone storage site' }) name: string;
  @ApiProperty({ example: '1 Zone Rd, Hangzhou' }) address: string;
}

/** The data of pickup-ready.v1. */
export class PickupBody {
  @ApiProperty({ type: PickupLocationBody }) location: PickupLocationBody;
  @ApiProperty({ format: 'date-time' }) availableFrom: string;
  @ApiProperty({ format: 'date-time' }) availableUntil: string;
  @ApiProperty({ example: '482913' }) pickupCode: string;
}

/** The data of out-for-delivery.v1. */
export class DeliveryBody {
  @ApiProperty({ example: 'SF-INTL' }) carrier: string;
  @ApiProperty({ example: 'SF1234567890' }) waybillNumber: string;
}

export class RefundBody {
  @ApiProperty({ example: 'TA-4b1d6c1e-0a57-4c43-9b0e-4f1a8b2e6c11' }) assessmentId: string;
  @ApiProperty({ example: '96.39', description: 'the whole assessed total' }) amount: string;
}

/** The data of cancelled.v1 (CONTRACT 7.2). */
export class CancellationBody {
  @ApiProperty({ example: 'the consumer cancelled the order' }) reason: string;
  @ApiProperty({ format: 'date-time' }) cancelledAt: string;
  @ApiPropertyOptional({ type: RefundBody, description: 'where tax was paid or withheld (TAX_PAID or later)' }) refund?: RefundBody;
}

export class ReturnItemBody {
  @ApiProperty({ example: 'JP-CREAM-50' }) sku: string;
  @ApiProperty({ example: 1 }) quantity: number;
}

export class ReturnRefundBody {
  @ApiProperty({ example: '0.00' }) duty: string;
  @ApiProperty({ example: '25.82' }) consumptionTax: string;
  @ApiProperty({ example: '22.38' }) vat: string;
  @ApiProperty({ example: '48.20' }) total: string;
}

/** One return of the order (CONTRACT 5, 7.3). */
export class ReturnBody {
  @ApiProperty({ example: 'R-1' }) returnId: string;
  @ApiProperty({ type: [ReturnItemBody] }) items: ReturnItemBody[];
  @ApiProperty({ enum: RETURN_STATUSES }) status: string;
  @ApiProperty({ type: PickupLocationBody, description: 'model III: its zone\'s bonded storage site; model I: the carrier\'s returns hub' }) returnTo: PickupLocationBody;
  @ApiProperty({ format: 'date-time', description: 'requestedAt + 45 days' }) returnBy: string;
  @ApiPropertyOptional({ type: ReturnRefundBody, description: 'once the goods are back (COMPLETED)' }) refund?: ReturnRefundBody;
}

/** The last receipt of customs about the order (CONTRACT 8.5). */
export class CustomsLastReceiptBody {
  @ApiProperty({ example: 'CEB622', description: 'CEB312, CEB622, CEB624, CEB626, CEB816 or CEB900' }) messageType: string;
  @ApiProperty({ example: '120', description: 'as customs wrote it (CONTRACT 8.4)' }) returnStatus: string;
  @ApiProperty({ example: '[Code:2600;Desc:放行]' }) returnInfo: string;
  @ApiProperty({ format: 'date-time', description: 'when customs wrote it' }) at: string;
}

/** customs' electronic tax bill (CEB816), compared with the assessment (CONTRACT 8.4). */
export class CustomsTaxBillBody {
  @ApiProperty({ example: '5102202600000001' }) taxNo: string;
  @ApiProperty({ example: '0.00', description: 'customs duty' }) customsTax: string;
  @ApiProperty({ example: '44.75' }) valueAddedTax: string;
  @ApiProperty({ example: '51.64' }) consumptionTax: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'whether duty, VAT and consumption tax equal the tax assessment\'s to the cent; null while the order has no assessment to compare with' }) matchesAssessment: boolean | null;
}

/** What customs' receipts told of the order (CONTRACT 8.5). */
export class CustomsBody {
  @ApiPropertyOptional({ example: '2026110000000001', description: 'customs\' pre-entry number (CEB622 1 to 3)' }) preNo?: string;
  @ApiPropertyOptional({ example: '29102026I000000001', description: 'customs\' inventory number (CEB622 120 on); from then on also the declarationNumber' }) invtNo?: string;
  @ApiProperty({ type: CustomsLastReceiptBody, description: 'the latest receipt by customs\' time' }) lastReceipt: CustomsLastReceiptBody;
  @ApiPropertyOptional({ type: CustomsTaxBillBody, description: 'the latest CEB816 tax bill' }) taxBill?: CustomsTaxBillBody;
}

export class ClearanceViewBody {
  @ApiProperty({ example: 'tmall-global' }) platformId: string;
  @ApiProperty({ example: 'TG20261111000123' }) orderId: string;
  @ApiProperty({ enum: CLEARANCE_MODELS, nullable: true, description: 'null only for an order rejected at intake without a valid model' }) clearanceModel: string | null;
  @ApiProperty({ enum: CLEARANCE_STATUSES }) status: string;
  @ApiPropertyOptional({ enum: REJECTION_REASONS, description: 'present when status is REJECTED' }) reasonCode?: string;
  @ApiPropertyOptional({ example: 'HZ2026111100000123', description: 'the system\'s own number from DECLARED on; once customs accepts the inventory list (CEB622 120), customs\' invtNo' }) declarationNumber?: string;
  @ApiPropertyOptional({ type: TaxAssessmentBody }) taxAssessment?: TaxAssessmentBody;
  @ApiPropertyOptional({ description: 'the import permit (models II and III)' }) permitNumber?: string;
  @ApiPropertyOptional({ type: PickupBody, description: 'models II and III' }) pickup?: PickupBody;
  @ApiPropertyOptional({ type: DeliveryBody, description: 'model I' }) delivery?: DeliveryBody;
  @ApiPropertyOptional({ type: CancellationBody, description: 'the data of cancelled.v1, when the order was cancelled' }) cancellation?: CancellationBody;
  @ApiProperty({ type: [ReturnBody], description: 'the order\'s returns, in the order they were accepted; empty when none' }) returns: ReturnBody[];
  @ApiPropertyOptional({ type: CustomsBody, description: 'what customs\' receipts told (CONTRACT 8.5); absent until the order has a receipt' }) customs?: CustomsBody;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'the latest time of the events that changed the view; customs receipts leave it' }) updatedAt: string;
  @ApiProperty({ type: [TimelineEntryBody], description: 'every event of the order, in order' }) timeline: TimelineEntryBody[];
}

export class ClearanceListBody {
  @ApiProperty({ type: [ClearanceViewBody], description: 'newest first' }) items: ClearanceViewBody[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page; null on the last page' }) nextCursor: string | null;
}

/** What a platform request submitted over REST answers; the business answer follows in the timeline. */
export class RequestAcceptedBody {
  @ApiProperty({ format: 'uuid', description: 'the id of the inbound event published for the request (a refusal names it as refusedEventId)' }) eventId: string;
  @ApiProperty({ enum: CLEARANCE_STATUSES, description: 'the order\'s status when the request was accepted' }) status: string;
}
