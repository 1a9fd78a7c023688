import type { ComponentType } from 'react';
import { OverviewPage } from '../features/overview/OverviewPage';
import { DataPage } from '../features/data/DataPage';
import { SalesPage } from '../features/sales/SalesPage';
import { TrafficPage } from '../features/traffic/TrafficPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { MarketingPage } from '../features/marketing/MarketingPage';
import { ProductsPage } from '../features/products/ProductsPage';
import { ServicePage } from '../features/service/ServicePage';
import { SqlPage } from '../features/sql/SqlPage';
import { GoalsPage } from '../features/goals/GoalsPage';
import { AlertsPage } from '../features/alerts/AlertsPage';
import { GmvPaceCard } from '../features/goals/GmvPaceCard';
import { useAppStore, type PageId } from '../stores/app-store';
import { EngineReady } from '../dataset/engine-context';
import { Skeleton } from '../components/ui/states';

const paceCard = (currency: string | null) => <GmvPaceCard currency={currency} />;

/** The overview, with the pace of the GMV target drawn by the goals page's card. */
function Overview() {
  return <OverviewPage paceCard={paceCard} />;
}

/** The pages that exist; the navigation lists exactly these. */
export const PAGES: Partial<Record<PageId, ComponentType>> = {
  overview: Overview,
  data: DataPage,
  sales: SalesPage,
  traffic: TrafficPage,
  customers: CustomersPage,
  marketing: MarketingPage,
  products: ProductsPage,
  service: ServicePage,
  sql: SqlPage,
  goals: GoalsPage,
  alerts: AlertsPage,
};

export function PageSwitch() {
  const page = useAppStore((s) => s.view.page);
  const Page = PAGES[page] ?? Overview;
  // The overview can show the start-up snapshot; every other page waits for the engine.
  if (Page === Overview) return <Page />;
  return (
    <EngineReady fallback={<StartingSkeleton />}>
      <Page />
    </EngineReady>
  );
}

function StartingSkeleton() {
  return (
    <div className="card" aria-busy="true">
      <Skeleton height={28} width="40%" />
      <div style={{ height: 16 }} />
      <Skeleton height={220} />
    </div>
  );
}
