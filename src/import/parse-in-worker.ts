import { Worker } from "node:worker_threads";
import { campaignBatchTransferables } from "./kinds/campaigns-rows";
import type { ParseEvent, ParseOptions } from "./parse-csv";

/**
 * Parses a file on a worker thread, so CSV parsing and validation run beside the store writes
 * of the main thread (the import of a million rows takes about half as long). Events arrive as
 * {@link parseCsv} yields them; each batch is acknowledged once the caller asks for the next
 * event, which bounds how far the parser runs ahead. The acknowledgement hands the batch's
 * buffers back to the worker for reuse, so **a batch is valid only until the next event is
 * asked for** (the import writes each batch before asking).
 *
 * Under tsx (sources run as TypeScript) the worker registers tsx before loading its module.
 */
export async function* parseInWorker(
  path: string,
  options: ParseOptions,
): AsyncGenerator<ParseEvent> {
  const worker = startWorker(path, options);
  const queue: (ParseEvent | { type: "done" })[] = [];
  let failure: unknown;
  let exited = false;
  let notify: (() => void) | undefined;
  const wakeUp = () => {
    notify?.();
    notify = undefined;
  };
  worker.on("message", (message: ParseEvent | { type: "done" }) => {
    queue.push(message);
    wakeUp();
  });
  worker.on("error", (error) => {
    failure = error;
    wakeUp();
  });
  worker.on("exit", () => {
    exited = true;
    wakeUp();
  });
  try {
    for (;;) {
      const next = queue.shift();
      if (next) {
        if (next.type === "done") return;
        yield next;
        if (next.type === "batch") {
          const buffers = "daily" in next.batch ? campaignBatchTransferables(next.batch) : [];
          worker.postMessage({ type: "ack", buffers }, buffers);
        }
        continue;
      }
      if (failure) throw failure;
      if (exited) throw new Error("the CSV parse worker stopped before the end of the file");
      await new Promise<void>((resolve) => (notify = resolve));
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * The parser turns every cell into a short-lived string. With V8's default young generation
 * (some 32 MB, grown to fit) the worker's heap alone added 30 to 70 MB to the import's peak RSS,
 * which must stay under 200 MB for a million rows; 8 MB keeps it some 40 MB lower, for a few
 * percent more parse time (still ahead of the store writes).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

function startWorker(path: string, options: ParseOptions): Worker {
  const here = import.meta.url;
  const moduleUrl = new URL(here.endsWith(".ts") ? "./parse-worker.ts" : "./parse-worker.js", here);
  if (!here.endsWith(".ts")) {
    return new Worker(moduleUrl, { workerData: { path, options }, resourceLimits: WORKER_LIMITS });
  }
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(moduleUrl.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData: { path, options },
    resourceLimits: WORKER_LIMITS,
  });
}
