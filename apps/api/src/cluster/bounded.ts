/**
 * Waits for `work` at most `ms`; answers whether it finished (a failure counts as finished). Used at
 * shutdown: closing a BullMQ worker or queue waits for Redis, and a Redis that does not answer must
 * not keep an instance from stopping (the orchestrator would kill it, without the database flush).
 */
export async function finishedWithin(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
