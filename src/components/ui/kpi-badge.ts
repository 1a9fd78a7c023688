import { createContext, type ReactNode } from 'react';

/**
 * What a KPI card shows beside its change, by metric id: the app fills it with the goal status,
 * so every page's cards carry it without the card knowing about goals.
 */
export const KpiBadgeContext = createContext<((metricId: string) => ReactNode) | null>(null);
