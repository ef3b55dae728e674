import type { z } from "zod";

/**
 * One kind of background job: its queue, its payload schema (checked on enqueue and dequeue)
 * and an idempotent handler. Handlers throw UnrecoverableError for permanent failures.
 */
export interface JobDefinition<Schema extends z.ZodType, Deps> {
  id: string;
  queue: string;
  schema: Schema;
  run(input: { payload: z.infer<Schema>; deps: Deps; attempt: number }): Promise<unknown>;
}
