// Preloaded into the benchmark's web process (`node --import ./bench/web-loop-delay.mjs ...`) when
// BENCH_LOOP_DELAY is set: measures event-loop delay with perf_hooks' monitorEventLoopDelay, the
// figure that tells a stalled web process from one waiting for the CPU. Plain JS: the web
// process runs on plain node, without tsx. On SIGUSR2 it prints one line,
// `loop-delay {json}`, with the delays since the previous line (ms), and starts over; the
// benchmark sends it after each load.
import { monitorEventLoopDelay } from "node:perf_hooks";

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const ms = (ns) => Math.round(ns / 10_000) / 100;
process.on("SIGUSR2", () => {
  const figures = {
    p50: ms(histogram.percentile(50)),
    p90: ms(histogram.percentile(90)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
    mean: ms(histogram.mean),
    samples: histogram.count,
  };
  process.stdout.write(`loop-delay ${JSON.stringify(figures)}\n`);
  histogram.reset();
});
