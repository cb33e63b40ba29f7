// Personal data: how ID numbers and phones are masked wherever they are logged or shown, and the
// keyed hash under which a consumer is filed instead of their ID number.
export * from './mask';
export * from './consumer-key';
