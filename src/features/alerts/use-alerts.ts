import { useEffect } from 'react';
import { usePageScope } from '../../components/ui/page-scope';
import { anomaliesQuery } from '../../components/charts/use-anomaly-marks';
import { inventoryQuery } from '../../dataset/inventory-query';
import { useEngineFetch, useEngineQuery } from '../../dataset/use-engine-query';
import { computeAlerts } from '../../metrics/alerts';
import { engineMetricSource } from '../../metrics/metric-source';
import { useAppStore } from '../../stores/app-store';
import { useTargetsStore } from '../../stores/targets-store';
import { evaluateTargets, toReportTargetRow } from '../../targets';
import { useDismissedStore } from './dismissed-store';

/**
 * Every alert of the view (period and filters), computed as `yardstick report` computes its
 * `alerts` array: the saved targets, the anomalies of each day of the period, the stock alerts.
 * One query, cached per view, shared by the top bar and the Alerts page.
 */
export function useAlerts() {
  const { period, filters, currency, description } = usePageScope();
  const targets = useTargetsStore((s) => s.file);
  // A target on response within SLA is measured against the view's SLA, as the Service page shows it.
  const slaMinutes = useAppStore((s) => s.view.sla);
  const fetchShared = useEngineFetch();
  return useEngineQuery(
    ['alerts', period, filters, currency, targets, slaMinutes],
    async (engine) => {
      const described = description.data!;
      const source = engineMetricSource(engine, { defaultCurrency: currency, description: described, slaMinutes });
      const rows = (await evaluateTargets(targets, source)).map(toReportTargetRow);
      const stock = inventoryQuery(period!, filters);
      const inventory = await fetchShared(stock.key, stock.run);
      const odd = anomaliesQuery(period!, filters, described);
      const anomalies = await fetchShared(odd.key, odd.run);
      return computeAlerts(engine, period!, filters, { targets: rows, inventory, description: described, anomalies });
    },
    period !== null && description.data !== undefined,
  );
}

/** The dismissed alerts' keys, read from IndexedDB once. */
export function useDismissed() {
  const store = useDismissedStore();
  const load = store.load;
  useEffect(() => {
    void load();
  }, [load]);
  return store;
}
