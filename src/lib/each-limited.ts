/**
 * `fn` over `items`, at most `limit` calls at a time, in the items' order; settles when every started
 * call has, then rejects with the first failure, if any. `stopAtFailure`: no item starts after one
 * failed (the rest would be wasted work); otherwise every item is still tried.
 */
export async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>, opts: {stopAtFailure?: boolean} = {}): Promise<void> {
  let next = 0;
  let failed: {error: unknown} | undefined;
  await Promise.all(
    Array.from({length: Math.min(limit, items.length)}, async () => {
      while (next < items.length && !(opts.stopAtFailure && failed)) {
        const item = items[next++];
        try {
          await fn(item);
        } catch (error) {
          failed ??= {error};
        }
      }
    })
  );
  if (failed) throw failed.error;
}
