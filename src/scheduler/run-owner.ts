import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/**
 * This process's name in `job_runs.claimed_by`: `host:pid:token`. The token tells a restarted
 * process apart from its predecessor even if the pid is reused.
 */
export function processOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

/**
 * Whether the process that claimed a run may still be running it. Only a process on this host can
 * be checked (its pid is gone → dead); others count as alive and are taken over once their
 * heartbeat is older than the lease. (Hosts sharing a hostname, e.g. containers started with the
 * same `--hostname`, would defeat the pid check: give replicas distinct hostnames.)
 */
export function createOwnerLiveness(self: string): (owner: string) => boolean {
  const [selfHost, selfPid] = self.split(":");
  return (owner) => {
    if (owner === self) return true;
    const [host, pidText] = owner.split(":");
    const pid = Number(pidText);
    if (host !== selfHost || !Number.isInteger(pid) || pid <= 0) return true;
    // Same pid, different token: an earlier process that had our pid.
    if (String(pid) === selfPid) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  };
}
