import { Resvg } from "@resvg/resvg-js";
import type { TopLevelSpec } from "vega-lite";

/** One bar: an officer and their hours. */
export interface HoursBar {
  officer: string;
  hours: number;
}

/**
 * A horizontal bar chart of hours per officer as PNG bytes: Vega-Lite describes it, Vega draws it
 * as SVG (headless, no canvas) and resvg rasterizes it with the machine's fonts. The libraries
 * load on first use: they are large and only reports need them.
 */
export async function renderHoursChart(input: { title: string; bars: readonly HoursBar[]; axisTitle?: string }): Promise<Buffer> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: input.title,
    width: 560,
    height: { step: 22 },
    background: "white",
    data: { values: input.bars.map((bar) => ({ officer: bar.officer, hours: Math.round(bar.hours * 100) / 100 })) },
    layer: [
      { mark: { type: "bar", color: "#2f6fa8" } },
      { mark: { type: "text", align: "left", dx: 4 }, encoding: { text: { field: "hours", type: "quantitative", format: ".1f" } } },
    ],
    encoding: {
      y: { field: "officer", type: "nominal", sort: { field: "hours", order: "descending" }, title: null },
      x: { field: "hours", type: "quantitative", title: input.axisTitle ?? "hours worked" },
    },
    config: { font: "DejaVu Sans" },
  };
  // Vega logs its spec warnings to the console; a chart in Slack has no reader for them.
  const quiet = vega.logger(vega.None);
  const view = new vega.View(vega.parse(vegaLite.compile(spec, { logger: quiet }).spec), { renderer: "none", logLevel: vega.None });
  const svg = await view.toSVG(2);
  await view.finalize();
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" }, background: "white" }).render().asPng();
  return Buffer.from(png);
}
