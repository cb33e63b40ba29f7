// What ops watch of the exchange with the Single Window (Prometheus, GET /metrics).
import { Counter } from 'prom-client';

export const messagesSent = new Counter({ name: 'cbec_single_window_messages_total', help: 'Messages built and signed for the Single Window, by type', labelNames: ['message_type'] });
export const receiptsRead = new Counter({ name: 'cbec_single_window_receipts_total', help: 'Receipt files read from the in folder, by type and outcome', labelNames: ['message_type', 'outcome'] });
export const receiptFilesFailed = new Counter({ name: 'cbec_single_window_receipt_files_failed_total', help: 'Receipt files that could not be read, moved to failed/' });
export const taxBillDifferences = new Counter({ name: 'cbec_single_window_tax_bill_differences_total', help: 'CEB816 tax bills that differ from the assessment' });
