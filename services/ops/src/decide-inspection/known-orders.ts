// Whether the system knows an order, asked of the gateway's read model (the clearance view) with
// the caller's own key: the ops service keeps no copy of the orders.
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { OPS_CONFIG, OpsConfig } from '../config';

@Injectable()
export class KnownOrders {
  constructor(@Inject(OPS_CONFIG) private readonly config: OpsConfig) {}

  async knows(platformId: string, orderId: string, authorization: string): Promise<boolean> {
    const url = `${this.config.gatewayUrl}/v1/clearances/${encodeURIComponent(platformId)}/${encodeURIComponent(orderId)}`;
    const response = await fetch(url, { headers: { authorization } }).catch(() => undefined);
    if (response?.status === 200) return true;
    if (response?.status === 404) return false;
    throw new ServiceUnavailableException(`the gateway's read model did not say whether ${platformId}/${orderId} is known (${response?.status ?? 'no answer'})`);
  }
}
