import { performance } from "node:perf_hooks";
import { type Canvas, createCanvas } from "@napi-rs/canvas";
import { Chart, type ChartConfiguration, type ChartItem, registerables } from "chart.js";
import type { ReplyChart } from "../bot/reply";
import { ensureChartFonts } from "./font";

/*
 * Why chart.js directly on an @napi-rs/canvas canvas, and not chartjs-node-canvas (checked on
 * this machine with chart.js 4.6.1, chartjs-node-canvas 5.0.0, @napi-rs/canvas 1.1.1):
 * - chartjs-node-canvas's `renderToBuffer()` rejects with "Failed to convert JavaScript value
 *   `function anonymous(..)` into rust type `String`": it calls node-canvas's callback-style
 *   `toBuffer(cb, mime)`, and @napi-rs/canvas's `toBuffer(mime)` takes the callback as the mime.
 * - its `renderToBufferSync()` works but encodes the PNG on the event loop, the costliest step.
 * - drawing synchronously (chart.js draws in its constructor when animation is off) and then
 *   `await canvas.encode("png")` encodes on libuv's thread pool, so the loop is blocked only
 *   while chart.js draws. It also skips chartjs-node-canvas re-requiring chart.js per instance.
 */

/** Largest canvas side accepted; a typo'd 100000 px config would otherwise allocate gigabytes. */
export const MAX_CHART_SIDE = 4096;

/** How long one chart took, for metrics and the benchmark. */
export interface ChartRenderTiming {
  id: string;
  /** Synchronous chart.js drawing: the time the event loop was blocked. */
  drawMs: number;
  /** PNG encoding, off the event loop. */
  encodeMs: number;
  totalMs: number;
}

export interface ChartRasterizerOptions {
  /** Called after every successful render. */
  onRender?: (timing: ChartRenderTiming) => void;
}

export interface ChartRasterizer {
  /** Draws one chart and returns PNG bytes; rejects when chart.js or the canvas fails. */
  render(chart: ReplyChart): Promise<Buffer>;
  /**
   * Renders charts one after another. Returns copies with `png` set, or with `renderError` set
   * when that chart failed, so the text of a reply still goes out. Never rejects; the input
   * charts are not modified.
   */
  renderAll(charts: readonly ReplyChart[]): Promise<ReplyChart[]>;
}

/**
 * The one place where charts become pixels. Create it once at start-up and share it.
 *
 * @example
 * const rasterizer = createChartRasterizer();
 * const [chart] = await rasterizer.renderAll([rankingBarChart({ ... })]);
 * chart.png; // Buffer starting with the PNG signature, or chart.renderError
 */
export function createChartRasterizer(options: ChartRasterizerOptions = {}): ChartRasterizer {
  // Tree-shaken chart.js needs its controllers, elements, scales and plugins registered;
  // registering is idempotent, so several rasterizers in one process are fine.
  Chart.register(...registerables);

  async function render(chart: ReplyChart): Promise<Buffer> {
    try {
      ensureChartFonts();
      checkSize(chart);
      const canvas = createCanvas(chart.width, chart.height);
      const started = performance.now();
      const instance = drawChart(canvas, chart.config);
      const drawn = performance.now();
      try {
        const png = await canvas.encode("png");
        const done = performance.now();
        options.onRender?.({
          id: chart.id,
          drawMs: drawn - started,
          encodeMs: done - drawn,
          totalMs: done - started,
        });
        return png;
      } finally {
        // Releases chart.js's references to the canvas and its listeners on the data arrays.
        instance.destroy();
      }
    } finally {
      // Native canvas memory is only released once the event loop turns. Measured here over 300
      // charts: a tight loop with synchronous encoding went 119 → 776 MB RSS; awaiting the async
      // encode went 120 → 178 MB. This explicit macrotask keeps that true whatever the caller's
      // loop looks like (e.g. if encoding ever resolves without a loop turn).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  async function renderAll(charts: readonly ReplyChart[]): Promise<ReplyChart[]> {
    const rendered: ReplyChart[] = [];
    for (const chart of charts) {
      const { png: _stale, renderError: _staleError, ...rest } = chart;
      try {
        rendered.push({ ...rest, png: await render(chart) });
      } catch (error) {
        rendered.push({
          ...rest,
          renderError: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return rendered;
  }

  return { render, renderAll };
}

function checkSize({ id, width, height }: ReplyChart): void {
  const ok = (side: number) => Number.isInteger(side) && side > 0 && side <= MAX_CHART_SIDE;
  if (!ok(width) || !ok(height)) {
    throw new RangeError(
      `Chart ${id}: size ${width}×${height} is invalid; use whole pixels between 1 and ${MAX_CHART_SIDE}`,
    );
  }
}

function drawChart(canvas: Canvas, config: ChartConfiguration): Chart {
  try {
    // @napi-rs/canvas implements the parts of HTMLCanvasElement chart.js's BasicPlatform uses
    // (getContext("2d"), width, height); the DOM type is all the cast papers over.
    return new Chart(canvas as unknown as ChartItem, copyConfig(config));
  } catch (error) {
    // chart.js registers the instance before building it, so a config that throws (unknown chart
    // type, bad scale) would stay in Chart.instances, holding the canvas, for the process's life.
    for (const orphan of Object.values(Chart.instances)) {
      if ((orphan.canvas as unknown) === canvas) {
        try {
          orphan.destroy();
        } catch {
          // Half-built chart: destroy can fail on missing parts; drop the registry entry anyway.
          delete Chart.instances[orphan.id];
        }
      }
    }
    throw error;
  }
}

/**
 * chart.js writes into the config it is given (resolved scale options, listeners patched onto the
 * data arrays), so it gets a copy: the reply's config stays as the builder made it and can be
 * rendered again or printed. Plain objects and arrays are copied; functions (inline plugins) are
 * shared.
 */
function copyConfig(config: ChartConfiguration): ChartConfiguration {
  return {
    ...config,
    data: copyPlain(config.data),
    options: copyPlain(config.options),
    ...(config.plugins ? { plugins: [...config.plugins] } : {}),
  };
}

function copyPlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyPlain) as T;
  if (
    value !== null &&
    typeof value === "object" &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = copyPlain(inner);
    return copy as T;
  }
  return value;
}
