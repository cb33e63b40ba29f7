// Injection tokens of what the service kit provides.
export const LOGGER = Symbol('LOGGER');
export const BASE_CONFIG = Symbol('BASE_CONFIG');
