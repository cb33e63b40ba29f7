import { forwardedServiceUrls, isForwardedTo, serviceServing } from './forwarded-services';

describe('serviceServing', () => {
  it.each([
    ['/', 'ops'],
    ['/console/app.js', 'ops'],
    ['/console/views/order.js', 'ops'],
    ['/v1/ops/commands/7f1c', 'ops'],
    ['/v1/ops/dead-letters', 'ops'],
    ['/v1/ops/dead-letters/summary', 'ops'],
    ['/v1/ops/topics', 'ops'],
    ['/v1/ops/pipeline', 'ops'],
    ['/v1/inspections/tmall-global/TG1/decision', 'ops'],
    ['/v1/tariffs', 'ops'],
    ['/v1/tariffs/4901', 'ops'],
    ['/v1/clearances/tmall-global/TG1/messages', 'single-window'],
    ['/v1/clearances/tmall-global/TG1/messages/', 'single-window'],
    ['/v1/clearances/tmall-global/TG1/messages/6F9619FF-8B86-D011-B42D-00C04FC964FF', 'single-window'],
    ['/v1/ops/single-window/failed-receipts', 'single-window'],
    ['/v1/ops/single-window/refused', 'single-window'],
    ['/v1/ops/single-window/tax-bill-differences', 'single-window'],
    ['/v1/ops/single-window/tmall-global/TG1/resend', 'single-window'],
  ])('passes %s on to %s', (path, service) => {
    expect(serviceServing(path)).toBe(service);
  });

  it.each([
    '/v1/clearances',
    '/v1/clearances/tmall-global/TG1',
    '/v1/clearances/tmall-global/TG1/payments',
    '/v1/clearances/tmall-global/TG1/returns/R-1/arrival',
    '/v1/clearances/tmall-global/messages',
    '/v1/clearances/tmall-global/TG1/messagesX',
    '/v1/ops/overview',
    '/v1/ops/throughput',
    '/v1/ops/clearances/tmall-global/TG1/particulars',
    '/v1/ops/single-windows',
    '/v1/orders',
    '/v1/quotes',
    '/docs',
    '/docs-json',
    '/asyncapi',
    '/health',
    '/metrics',
    '/v1/tariffsX',
  ])('leaves %s to the gateway', (path) => {
    expect(serviceServing(path)).toBeUndefined();
  });
});

describe('isForwardedTo', () => {
  it('reads the path templates of a service\'s OpenAPI document', () => {
    expect(isForwardedTo('single-window', '/v1/clearances/{platformId}/{orderId}/messages')).toBe(true);
    expect(isForwardedTo('single-window', '/v1/clearances/{platformId}/{orderId}/messages/{guid}')).toBe(true);
    expect(isForwardedTo('single-window', '/v1/ops/single-window/{platformId}/{orderId}/resend')).toBe(true);
    expect(isForwardedTo('ops', '/v1/inspections/{platformId}/{orderId}/decision')).toBe(true);
  });

  it('leaves out what the gateway does not pass on to that service', () => {
    expect(isForwardedTo('single-window', '/health')).toBe(false);
    expect(isForwardedTo('single-window', '/v1/tariffs')).toBe(false);
    expect(isForwardedTo('ops', '/v1/clearances/{platformId}/{orderId}/messages')).toBe(false);
    expect(isForwardedTo('ops', '/v1/ops/overview')).toBe(false);
  });
});

describe('forwardedServiceUrls', () => {
  it('defaults to this machine on each service\'s port', () => {
    expect(forwardedServiceUrls({})).toEqual({ ops: 'http://127.0.0.1:3106', 'single-window': 'http://127.0.0.1:3107' });
  });

  it('takes the port, or the whole URL, from the environment', () => {
    expect(forwardedServiceUrls({ OPS_PORT: '4106', SINGLE_WINDOW_PORT: '4107' })).toEqual({ ops: 'http://127.0.0.1:4106', 'single-window': 'http://127.0.0.1:4107' });
    expect(forwardedServiceUrls({ OPS_URL: 'http://ops:3106', SINGLE_WINDOW_URL: 'http://single-window:3107/' })).toEqual({ ops: 'http://ops:3106', 'single-window': 'http://single-window:3107' });
  });

  it('refuses a port that is not one', () => {
    expect(() => forwardedServiceUrls({ SINGLE_WINDOW_PORT: 'seven' })).toThrow('SINGLE_WINDOW_PORT must be an integer');
  });
});
