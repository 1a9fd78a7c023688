import type { Filters } from '../../metrics/filters';

/** The query key of a campaign's days under the view's filters: the page fetches the shown campaign's under it beforehand. */
export const campaignDaysKey = (campaign: { starts_on: string; ends_on: string }, filters: Filters) =>
  ['campaign-days', campaign.starts_on, campaign.ends_on, filters] as const;

/** The campaign the calendar's detail shows until one is chosen: the calendar's last. */
export const shownByDefault = <T>(campaigns: readonly T[]): T | null => campaigns[campaigns.length - 1] ?? null;
