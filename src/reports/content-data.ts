import type { Context } from "../bot/context";
import { type Period, previousPeriod } from "../core/period";
import type { Post } from "../store/schema";
import { periodInstants } from "./period-instants";

export interface PostsForPeriod {
  posts: Post[];
  previous: Post[];
  previousPeriod: Period;
}

/** The tenant's posts in the period and in the period before, optionally on one platform. */
export async function loadPosts(
  ctx: Context,
  period: Period,
  platform?: string,
): Promise<PostsForPeriod> {
  const before = previousPeriod(period);
  const filter = platform ? { platform } : {};
  const [posts, previous] = await Promise.all([
    ctx.store.posts.listBetween(ctx.tenant.id, periodInstants(period, ctx.tenant.timezone), filter),
    ctx.store.posts.listBetween(ctx.tenant.id, periodInstants(before, ctx.tenant.timezone), filter),
  ]);
  return { posts, previous, previousPeriod: before };
}
