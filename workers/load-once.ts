/**
 * Memoizes `load` (a dynamic import and what is built from it) for a dependency a worker may
 * never need, so its SDK is loaded on first use only: web chat delivery loads the Bot Framework
 * (~50 MB); the web process's lazy routers (bots/lazy-router.ts) load the same way. A failed load is not kept: that job fails and is retried, and the next call loads again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
