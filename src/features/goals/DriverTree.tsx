import { useState } from 'react';
import { Waterfall } from '../../components/charts/Waterfall';
import { Skeleton } from '../../components/ui/states';
import { useT } from '../../i18n/use-t';
import { useMetricLabel } from '../../components/ui/use-metric-label';
import { formatValue, type Locale } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import {
  attributeGap,
  DRIVER_TREES,
  solveDriver,
  type DriverId,
  type DriverTree as Tree,
  type DriverValues,
  type Target,
  type TargetStatus,
} from '../../targets';
import { periodLastYear } from '../../targets/dates';
import { DRIVER_UNIT, pickDrivers, planDefaults, planToDate, roundPlan } from './driver-plan';
import { kpiLabel } from './goal-format';
import { amountToInput, parseAmount, unitAdornment } from './units';
import { useDriverValues } from './use-goals';
import { toWaterfallBars } from '../../components/charts/waterfall-bars';

type Compare = 'yoy' | 'target';

function show(value: number | null | undefined, id: DriverId, locale: Locale, currency: string | null): string {
  return formatValue(value ?? null, DRIVER_UNIT[id], locale, currency, DRIVER_UNIT[id] !== 'rate');
}

interface Props {
  target: Target;
  status: TargetStatus | undefined;
  currency: string | null;
}

/**
 * The GMV driver tree of a target (issue 5, item 5): the actual drivers so far, a plan where
 * two drivers are fixed and the third solved for the GMV target, and a waterfall splitting
 * a GMV change into the drivers' parts (log decomposition: they add up to the whole change).
 */
export function DriverTree({ target, status, currency }: Props) {
  const t = useT();
  const metric = useMetricLabel();
  const locale = useAppStore((s) => s.locale);
  const [tree, setTree] = useState<Tree>('sessions');
  const [solveFor, setSolveFor] = useState<Partial<Record<Tree, DriverId>>>({});
  const [typed, setTyped] = useState<Partial<Record<DriverId, string>>>({});
  const [compare, setCompare] = useState<Compare>('yoy');

  const asOf = status?.as_of ?? null;
  const span = asOf !== null && asOf >= target.period.from ? { from: target.period.from, to: asOf } : null;
  const actualValues = useDriverValues(target, span);
  const lastYearValues = useDriverValues(target, span ? periodLastYear(span) : null);

  if (!status) return <Skeleton height={200} />;
  if (span === null) return <p className="muted">{t('goals.drivers.notStarted')}</p>;
  if (!actualValues.data || !lastYearValues.data) return <Skeleton height={200} />;

  const ids = DRIVER_TREES[tree];
  const actual = pickDrivers(actualValues.data, tree);
  if (actual === null) return <p className="muted">{t('goals.drivers.unknown')}</p>;
  const solved: DriverId = solveFor[tree] ?? ids[0];
  const defaults = roundPlan(planDefaults(actual, tree, status.share));
  const known: DriverValues = {};
  let typo = false;
  for (const id of ids) {
    if (id === solved) continue;
    const text = typed[id];
    if (text === undefined) {
      known[id] = defaults[id] as number;
      continue;
    }
    const parsed = parseAmount(text, DRIVER_UNIT[id]);
    if (parsed.ok && parsed.value !== null) known[id] = parsed.value;
    else typo = true;
  }
  const plan = typo ? null : solveDriver(known, target.ladder.target);
  const planValues = plan?.ok ? plan.drivers : null;

  const base = compare === 'yoy' ? pickDrivers(lastYearValues.data, tree) : actual;
  const current =
    compare === 'yoy' ? actual : planValues && status.share ? planToDate(planValues, tree, status.share) : null;
  const attribution = base && current ? attributeGap(base, current) : null;
  const endLabels =
    compare === 'yoy'
      ? { base: t('goals.drivers.lastYear'), current: t('goals.drivers.toDate') }
      : { base: t('goals.drivers.toDate'), current: t('goals.drivers.targetPace') };
  const money = (v: number) => formatValue(v, 'money', locale, currency);

  return (
    <div className="drivers" data-drivers={tree}>
      <div className="drivers-head">
        <div className="segmented" role="group" aria-label={t('goals.drivers.tree')}>
          {(Object.keys(DRIVER_TREES) as Tree[]).map((id) => (
            <button key={id} type="button" aria-pressed={tree === id} data-tree={id} onClick={() => setTree(id)}>
              {DRIVER_TREES[id].map((d) => metric(d, 'short')).join(' × ')}
            </button>
          ))}
        </div>
        <p className="muted">{t('goals.drivers.help', { from: span.from, to: span.to })}</p>
      </div>
      <div className="drivers-grid">
        <div className="table-wrap">
          <table className="data drivers-table">
            <thead>
              <tr>
                <th scope="col">{t('goals.drivers.driver')}</th>
                <th scope="col" className="n">
                  {t('goals.drivers.actual')}
                </th>
                <th scope="col" className="n">
                  {t('goals.drivers.plan')}
                </th>
                <th scope="col">{t('goals.drivers.solve')}</th>
              </tr>
            </thead>
            <tbody>
              {ids.map((id) => {
                const unit = DRIVER_UNIT[id];
                const adornment = unitAdornment(unit, currency, locale);
                return (
                  <tr key={id} data-driver={id}>
                    <th scope="row">{kpiLabel(id, locale)}</th>
                    <td className="n">{show(actual[id], id, locale, currency)}</td>
                    <td className="n">
                      {id === solved ? (
                        <strong className="solved" data-solved={planValues?.[id] ?? ''}>
                          {planValues ? show(planValues[id], id, locale, currency) : '—'}
                        </strong>
                      ) : (
                        <div className="amount-field">
                          {adornment && unit !== 'rate' && <span className="adorn">{adornment}</span>}
                          <input
                            type="text"
                            inputMode="decimal"
                            aria-label={t('goals.drivers.planOf', { driver: kpiLabel(id, locale) })}
                            value={typed[id] ?? amountToInput(defaults[id], unit)}
                            onChange={(e) => setTyped({ ...typed, [id]: e.target.value })}
                          />
                          {unit === 'rate' && <span className="adorn">%</span>}
                        </div>
                      )}
                    </td>
                    <td>
                      <label className="radio">
                        <input
                          type="radio"
                          name={`solve-${target.id}-${tree}`}
                          checked={id === solved}
                          onChange={() => setSolveFor({ ...solveFor, [tree]: id })}
                        />
                        <span className="visually-hidden">{t('goals.drivers.solveThis')}</span>
                      </label>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{kpiLabel('gmv', locale)}</th>
                <td className="n">{formatValue(actualValues.data['gmv'] ?? null, 'money', locale, currency)}</td>
                <td className="n">
                  <strong>{formatValue(target.ladder.target, 'money', locale, currency)}</strong>
                </td>
                <td className="muted-cell">{t('goals.drivers.targetRow')}</td>
              </tr>
            </tfoot>
          </table>
          {(typo || (plan && !plan.ok)) && <p className="field-error">{t('goals.drivers.cannotSolve')}</p>}
          {planValues && (
            <p className="drivers-answer" data-drivers-answer>
              {t('goals.drivers.answer', {
                driver: kpiLabel(solved, locale),
                value: show(planValues[solved], solved, locale, currency),
                actual: show(actual[solved], solved, locale, currency),
              })}
            </p>
          )}
        </div>
        <div className="drivers-waterfall">
          <div className="segmented" role="group" aria-label={t('goals.drivers.compare')}>
            {(['yoy', 'target'] as const).map((c) => (
              <button key={c} type="button" aria-pressed={compare === c} data-compare={c} onClick={() => setCompare(c)}>
                {t(`goals.drivers.compare.${c}`)}
              </button>
            ))}
          </div>
          {attribution?.ok ? (
            <>
              <Waterfall
                title={t('goals.drivers.waterfall')}
                bars={toWaterfallBars(attribution.waterfall, (key) =>
                  key === 'base' ? endLabels.base : key === 'current' ? endLabels.current : metric(key, 'short'),
                )}
                formatValue={money}
                formatAxis={(v) => (v === 0 ? '0' : money(v))}
                height={220}
              />
              <p
                className="muted"
                data-gap={attribution.gap}
                data-parts-sum={attribution.parts.reduce((sum, p) => sum + p.contribution, 0)}
              >
                {t('goals.drivers.sum', {
                  parts: attribution.parts
                    .map(
                      (p) =>
                        `${metric(p.driver, 'short')} ${p.contribution >= 0 ? '+' : '−'}${money(Math.abs(p.contribution))}`,
                    )
                    .join(' · '),
                  gap: `${attribution.gap >= 0 ? '+' : '−'}${money(Math.abs(attribution.gap))}`,
                })}
              </p>
            </>
          ) : (
            <p className="muted">{t('goals.drivers.noSplit')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
