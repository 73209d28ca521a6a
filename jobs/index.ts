/**
 * Every scheduled job, listed explicitly. The scheduler (digests, alerts, weekly budget posts)
 * registers its jobs here as those capabilities land; `adpulse jobs run <job>` reads this list.
 */
export const jobs: readonly { name: string; description: string }[] = [];
