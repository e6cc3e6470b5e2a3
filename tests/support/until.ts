/**
 * Polls until `probe` returns a value, for what the server does on its own clock (deadlines,
 * grading) and announces to nobody a test can listen to.
 */
export async function until<T>(probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
