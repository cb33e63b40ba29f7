export default async function globalTeardown(): Promise<void> {
  await globalThis.__CBEC_TEST_INFRA__?.stop();
}
