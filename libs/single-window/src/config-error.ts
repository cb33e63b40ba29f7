// What stops a service at start-up with one clear line: a profile or signing identity that cannot
// be read or lacks what a message needs. The service kit's bootstrap recognises it by its name
// (this lib sits below the service kit, which it cannot import: libs/domain imports this lib).
export class ConfigError extends Error {
  override name = 'ConfigError';
}
