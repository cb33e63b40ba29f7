// Order submission over REST: its table, controller and use case.
import { AcceptedOrder } from './persistence/accepted-order.entity';
import { CreateAcceptedOrder1764000000710 } from './persistence/migrations/1764000000710-create-accepted-order';
import { PlaceOrderController } from './place-order.http.controller';
import { PlaceOrder } from './place-order.service';

export const ORDERS = {
  entities: [AcceptedOrder],
  migrations: [CreateAcceptedOrder1764000000710],
  controllers: [PlaceOrderController],
  providers: [PlaceOrder],
};
