export * from './cancellation-chain';
