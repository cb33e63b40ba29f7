// CloudEvents `type` names. Platform ones are public (CONTRACT 2); internal ones are ours.

export const PLATFORM_EVENTS = {
  orderPlaced: 'cbec.platform.order-placed.v1',
  proofSubmitted: 'cbec.platform.proof-submitted.v1',
  taxPaid: 'cbec.platform.tax-paid.v1',
  goodsReceived: 'cbec.platform.goods-received.v1',
  // After-sale (CONTRACT 7).
  cancelRequested: 'cbec.platform.cancel-requested.v1',
  returnRequested: 'cbec.platform.return-requested.v1',
  returnReceived: 'cbec.platform.return-received.v1',
} as const;

export const OUTBOUND_EVENTS = {
  statusChanged: 'cbec.clearance.status-changed.v1',
  proofRequested: 'cbec.clearance.proof-requested.v1',
  taxAssessed: 'cbec.clearance.tax-assessed.v1',
  pickupReady: 'cbec.clearance.pickup-ready.v1',
  outForDelivery: 'cbec.clearance.out-for-delivery.v1',
  rejected: 'cbec.clearance.rejected.v1',
  completed: 'cbec.clearance.completed.v1',
  requestRefused: 'cbec.clearance.request-refused.v1',
  // After-sale (CONTRACT 7).
  cancelled: 'cbec.clearance.cancelled.v1',
  returnAccepted: 'cbec.clearance.return-accepted.v1',
  returnCompleted: 'cbec.clearance.return-completed.v1',
} as const;

export type PlatformEventType = (typeof PLATFORM_EVENTS)[keyof typeof PLATFORM_EVENTS];
export type OutboundEventType = (typeof OUTBOUND_EVENTS)[keyof typeof OUTBOUND_EVENTS];

/** Every type a platform may publish on cbec.platform.inbound: anything else is dead-lettered. */
export const INBOUND_EVENT_TYPES: readonly string[] = Object.values(PLATFORM_EVENTS);
