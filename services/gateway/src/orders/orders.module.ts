// Order submission over REST: its controller and use case.
import { Module } from '@nestjs/common';
import { PlaceOrderController } from './place-order.http.controller';
import { PlaceOrder } from './place-order.service';

@Module({
  controllers: [PlaceOrderController],
  providers: [PlaceOrder],
})
export class OrdersModule {}
