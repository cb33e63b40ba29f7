// What intake refuses of an order of model I or III for the Single Window's sake (CONTRACT 8.2):
// an origin country without a customs code, more lines than a message holds, and any value that
// would not fit its element in CEB311 or CEB621. Nothing is ever cut to fit: the order is refused
// with INVALID_ORDER naming the order's field.
import type { FieldError, OrderPlacedData } from '@cbec/contracts';
import { describeProblem, elementProblems, linesProblem, ValueProblem } from './element-values';
import { declaredOrderOf, inventoryHeadOrderValues, inventoryLineValues, orderHeadOrderValues, orderLineValues } from './order-values';

/** The field errors of a field-valid order's message values; none for model II, which has no messages. */
export function orderMessageProblems(order: OrderPlacedData): FieldError[] {
  if (order.clearanceModel === 'GENERAL_TRADE') return [];
  const declared = declaredOrderOf(order);
  const problems: ValueProblem[] = [
    ...linesProblem('OrderList', order.items.length, 'items'),
    ...elementProblems('OrderHead', orderHeadOrderValues(order), true),
    ...order.items.flatMap((line, index) => elementProblems('OrderList', orderLineValues(line, index), true)),
    ...elementProblems('InventoryHead', inventoryHeadOrderValues(declared), true),
    ...order.items.flatMap((line, index) => elementProblems('InventoryList', inventoryLineValues(line, index, order.clearanceModel), true)),
  ];
  // A field that feeds several elements (consumer.name is buyerName and consignee) is named once: by the first it breaks.
  const byField = new Map<string, FieldError>();
  for (const problem of problems) {
    if (!('order' in problem.from) || byField.has(problem.from.order)) continue;
    byField.set(problem.from.order, { field: problem.from.order, message: describeProblem(problem) });
  }
  return [...byField.values()];
}
