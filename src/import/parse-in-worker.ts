import { Worker } from "node:worker_threads";
import type { ParseEvent, ParseOptions } from "./parse-csv";

/**
 * Parses a file on a worker thread, so CSV parsing and validation run beside the store writes
 * of the main thread (the import of a million rows takes about half as long). Events arrive as
 * {@link parseCsv} yields them; each batch is acknowledged once the caller asks for the next
 * event, which bounds how far the parser runs ahead.
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
        if (next.type === "batch") worker.postMessage({ type: "ack" });
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

function startWorker(path: string, options: ParseOptions): Worker {
  const here = import.meta.url;
  const moduleUrl = new URL(here.endsWith(".ts") ? "./parse-worker.ts" : "./parse-worker.js", here);
  if (!here.endsWith(".ts")) return new Worker(moduleUrl, { workerData: { path, options } });
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(moduleUrl.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData: { path, options },
  });
}
