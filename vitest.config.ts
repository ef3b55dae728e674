import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one worker on a 2-core machine; most integration tests wait on queues,
    // timers and the database, so two files at a time finish the suite in about two thirds of it.
    maxWorkers: 2,
    globalSetup: ["test/global-setup.ts"],
  },
});
