import { CampaignsRepository } from "./campaigns-repository";
import { type DatabaseHandle, openDatabase } from "./database";
import { MetricsRepository } from "./metrics-repository";
import { migrateOrThrow } from "./migrate";
import { TenantsRepository } from "./tenants-repository";

/**
 * The store: repositories over one database. Every repository method takes the tenant id first;
 * nothing reads across tenants.
 */
export class Store {
  readonly tenants: TenantsRepository;
  readonly campaigns: CampaignsRepository;
  readonly metrics: MetricsRepository;

  constructor(readonly handle: DatabaseHandle) {
    this.tenants = new TenantsRepository(handle.db);
    this.campaigns = new CampaignsRepository(handle.db);
    this.metrics = new MetricsRepository(handle.db);
  }

  get db() {
    return this.handle.db;
  }

  /** Runs `work` in one transaction with repositories bound to it. */
  async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    return this.handle.db
      .transaction()
      .execute((trx) => work(new Store({ ...this.handle, db: trx })));
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** Opens the database at `url` and brings its schema up to date. */
export async function openStore(url: string): Promise<Store> {
  const handle = openDatabase(url);
  try {
    await migrateOrThrow(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return new Store(handle);
}
