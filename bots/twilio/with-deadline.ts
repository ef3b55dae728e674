/**
 * Twilio gives up on a webhook after 15 s; answering 503 well before that (a database or Redis
 * that does not answer) makes it retry, and the retry finishes whatever was left undone.
 */
export const WEBHOOK_DEADLINE_MS = 6_000;

export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  // The work goes on after a timeout; its late failure is expected and already answered.
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
