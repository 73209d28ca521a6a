import { AlertIncidentsRepository } from "./alert-incidents-repository";
import { AlertRulesRepository } from "./alert-rules-repository";
import { AppUsersRepository } from "./app-users-repository";
import { AuditLogRepository } from "./audit-log-repository";
import { BudgetRecommendationsRepository } from "./budget-recommendations-repository";
import { CampaignsRepository } from "./campaigns-repository";
import { type DatabaseHandle, openDatabase } from "./database";
import { DeliveriesRepository } from "./deliveries-repository";
import { InfluencersRepository } from "./influencers-repository";
import { JobRunsRepository } from "./job-runs-repository";
import { JourneysRepository } from "./journeys-repository";
import { MetricsRepository } from "./metrics-repository";
import { migrateOrThrow } from "./migrate";
import { PostsRepository } from "./posts-repository";
import { RolesRepository } from "./roles-repository";
import { SubscriptionsRepository } from "./subscriptions-repository";
import { TenantsRepository } from "./tenants-repository";

/**
 * The store: repositories over one database. Every repository method takes the tenant id first;
 * nothing reads across tenants.
 */
export class Store {
  readonly tenants: TenantsRepository;
  readonly campaigns: CampaignsRepository;
  readonly metrics: MetricsRepository;
  readonly journeys: JourneysRepository;
  readonly influencers: InfluencersRepository;
  readonly posts: PostsRepository;
  // Scheduled digests and alerts.
  readonly subscriptions: SubscriptionsRepository;
  readonly jobRuns: JobRunsRepository;
  readonly deliveries: DeliveriesRepository;
  readonly alertRules: AlertRulesRepository;
  readonly alertIncidents: AlertIncidentsRepository;
  // Roles, audit log and the loyalty programme's app users.
  readonly roles: RolesRepository;
  readonly audit: AuditLogRepository;
  readonly appUsers: AppUsersRepository;
  // Budget recommendations and the budget changes their approvals made.
  readonly budget: BudgetRecommendationsRepository;

  constructor(readonly handle: DatabaseHandle) {
    this.tenants = new TenantsRepository(handle.db);
    this.campaigns = new CampaignsRepository(handle.db);
    this.metrics = new MetricsRepository(handle.db);
    this.journeys = new JourneysRepository(handle.db);
    this.influencers = new InfluencersRepository(handle.db);
    this.posts = new PostsRepository(handle.db);
    this.subscriptions = new SubscriptionsRepository(handle.db);
    this.jobRuns = new JobRunsRepository(handle.db);
    this.deliveries = new DeliveriesRepository(handle.db);
    this.alertRules = new AlertRulesRepository(handle.db);
    this.alertIncidents = new AlertIncidentsRepository(handle.db);
    this.roles = new RolesRepository(handle.db);
    this.audit = new AuditLogRepository(handle.db);
    this.appUsers = new AppUsersRepository(handle.db);
    this.budget = new BudgetRecommendationsRepository(handle.db);
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
