import { createReadStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { recycleBuffers } from "./buffer-pool";
import { campaignBatchTransferables } from "./kinds/campaigns-rows";
import { type ParseOptions, parseCsv } from "./parse-csv";

/**
 * Worker-thread side of {@link parseInWorker}: parses a file and posts its events. At most
 * MAX_IN_FLIGHT batches wait unacknowledged, so a fast parser cannot pile batches up in the
 * main thread's queue while the store is still writing. Acknowledgements bring the written
 * batch's buffers back, to be filled again (buffer-pool.ts).
 */
const MAX_IN_FLIGHT = 4;

const { path, options } = workerData as { path: string; options: ParseOptions };
const port = parentPort;
if (!port) throw new Error("parse-worker.ts runs only as a worker thread");

let inFlight = 0;
let wake: (() => void) | undefined;
port.on("message", (message: { type: string; buffers?: ArrayBuffer[] }) => {
  if (message.type === "ack") {
    if (message.buffers) recycleBuffers(message.buffers);
    inFlight -= 1;
    wake?.();
    wake = undefined;
  }
});

for await (const event of parseCsv(createReadStream(path, { highWaterMark: 1 << 20 }), options)) {
  while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
  if (event.type === "batch") {
    inFlight += 1;
    const transfer = "daily" in event.batch ? campaignBatchTransferables(event.batch) : [];
    port.postMessage(event, transfer);
  } else {
    port.postMessage(event);
  }
}
port.postMessage({ type: "done" });
