// Assesses the tax of an approved order (CONTRACT 4.3): every item's tariff entry, the regime,
// the retail limits against the consumer's locked annual ledger (decideTax); then TAX_ASSESSED
// (and TAX_PAID at once where the platform withholds the tax, else a tax-due timer) or REJECTED
// (assessment-outcome.rule). A run of approvals is assessed together: one read of the orders, the
// tariff and the consumers' accounts, then one insert of the orders and one write of the ledger.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DeclarationEventData, INSPECTION_EVENTS, nextStep, TariffEntryData } from '@cbec/contracts';
import { taxLinesOf } from '@cbec/domain';
import { BatchContext, CloudEvent, decideInTurn, EventHandler, EventInTurn, firstEventsOfNewOrders, ordersOf } from '@cbec/messaging';
import { AnnualLedger, LedgerRun } from '../annual-quota/annual-ledger';
import { TAX_PERMIT_CONFIG, TaxPermitConfig } from '../config';
import { TariffTable } from '../persistence/tariff-table';
import { assessedOrders, insertTaxOrders } from '../persistence/tax-order-store';
import { TAX_DUE_TIMER } from '../reject-unpaid/reject-when-tax-due.timer';
import { assessmentOutcomeOf, declarationsReachingAccounts, reachesAnnualAccount } from './assessment-outcome.rule';
import { decideTax } from './tax-assessment.rule';

@Injectable()
export class AssessTaxWhenApprovedHandler implements EventHandler<DeclarationEventData> {
  readonly eventType = INSPECTION_EVENTS.approved;

  constructor(
    private readonly tariff: TariffTable,
    private readonly ledger: AnnualLedger,
    @Inject(TAX_PERMIT_CONFIG) private readonly config: TaxPermitConfig,
  ) {}

  async handleAll(events: CloudEvent<DeclarationEventData>[], context: BatchContext): Promise<void> {
    const { manager } = context;
    const assessed = await assessedOrders(manager, ordersOf(events));
    const tariff = await this.tariff.entries(manager);
    const ledger = await this.ledger.lockAccounts(manager, declarationsReachingAccounts(firstEventsOfNewOrders(events, assessed).map(({ data }) => data.declaration), tariff));
    const orders = await decideInTurn(events, assessed, context, (event, known, inTurn) =>
      known ? inTurn.log.info({ eventId: event.id, subject: inTurn.subject }, 'approval delivered again; the order is assessed once') : this.assess(event, tariff, ledger, inTurn),
    );
    await insertTaxOrders(manager, orders);
    await ledger.save(manager);
  }

  /** Decides the tax; counts a retail order toward its consumer's account, sets the tax-due timer of tax not withheld. */
  private async assess(event: CloudEvent<DeclarationEventData>, tariff: readonly TariffEntryData[], ledger: LedgerRun, { ref, subject, publish, timers, log }: EventInTurn) {
    const { declaration } = event.data;
    const lines = taxLinesOf(declaration.items, tariff);
    const account = reachesAnnualAccount(declaration, lines) ? ledger.account(declaration) : undefined;
    const decision = decideTax(declaration, lines, account, nextStep(event), new Date(), this.config.taxDueMs);
    if (decision.kind === 'rejected') log.info({ subject, reasonCode: decision.reasonCode }, 'order rejected at assessment');
    else {
      const { assessment, settlement } = decision;
      if (account) ledger.count(ref, account, assessment.countsTowardAnnual, publish);
      log.info({ eventId: event.id, subject, regime: assessment.regime, total: assessment.totals.total, withheld: settlement.withheld }, 'tax assessed');
      if (!settlement.withheld) await timers.schedule(TAX_DUE_TIMER, settlement.dueBy);
    }
    return assessmentOutcomeOf(event.data, decision, nextStep(event), `TA-${randomUUID()}`);
  }
}
