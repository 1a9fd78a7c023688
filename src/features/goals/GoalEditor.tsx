import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { PRODUCT_ROLES } from '../../metrics/queries/products';
import { useAppStore } from '../../stores/app-store';
import { useTargetsStore } from '../../stores/targets-store';
import {
  filterableDimensions,
  KPI_FACTS,
  PHASINGS,
  type Direction,
  type KpiId,
  type Target,
  type TargetsFileError,
} from '../../targets';
import { AmountField } from './AmountField';
import { buildTarget, draftMetric, draftUnit, looseTarget, snakeCase, suggestId, type Draft } from './draft';
import { FilterPicker } from './FilterPicker';
import { kpiLabel, METRIC_GROUPS, type MetricGroup } from './goal-format';
import { MilestonesEditor } from './MilestonesEditor';
import { SmartPanel } from './SmartPanel';
import { SkuPicker } from './SkuPicker';
import { useDescription, useDimensionValues, useGoalCurrency, useSkuOptions, useSmartCheck } from './use-goals';

interface Props {
  initial: Draft;
  /** The id of the target being edited; null for a new one. */
  editingId: string | null;
  /** The target as the editor opened it (null for a new one), so a change another tab made meanwhile is noticed on save. */
  original: Target | null;
  onDone: (savedId: string | null) => void;
}

function Fieldset({ legend, children, className }: { legend: string; children: ReactNode; className?: string }) {
  return (
    <fieldset className={`editor-section ${className ?? ''}`}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/**
 * The targets editor (issue 5, items 1 and 2): what, when, how much, how it is paced, filters,
 * owner and why, with the SMART check live beside it. Failing letters warn; saving only needs
 * a target the targets file would accept.
 */
export function GoalEditor({ initial, editingId, original, onDone }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const targets = useTargetsStore((s) => s.file.targets);
  const saveTarget = useTargetsStore((s) => s.saveTarget);
  const currency = useGoalCurrency();
  const description = useDescription();
  const dimensionValues = useDimensionValues();
  const [draft, setDraft] = useState<Draft>(initial);
  const [idTouched, setIdTouched] = useState(editingId !== null);
  const [tried, setTried] = useState(false);

  const takenIds = useMemo(() => targets.map((x) => x.id).filter((id) => id !== editingId), [targets, editingId]);
  const unit = draftUnit(draft);
  const additive =
    draft.source === 'checkin' ? draft.checkin.aggregation === 'sum' : KPI_FACTS[draft.metric].kind === 'additive';
  const deferred = useDeferredValue(draft);
  const smartTarget = useMemo(() => looseTarget(deferred), [deferred]);
  const smart = useSmartCheck(smartTarget);
  const built = buildTarget(draft);
  const duplicate = takenIds.includes(draft.id.trim());
  const errors: TargetsFileError[] = [
    ...(built.ok ? [] : built.errors),
    ...(duplicate ? [{ field: 'id', message: t('goals.editor.idTaken', { id: draft.id }) }] : []),
  ];

  const update = (patch: Partial<Draft>) =>
    setDraft((current) => {
      const next = { ...current, ...patch };
      if (!idTouched) {
        const base = next.source === 'kpi' ? next.metric : draftMetric(next);
        next.id = suggestId(`${base.replaceAll('_', '-')}-${next.from.slice(0, 4)}`, takenIds);
      }
      return next;
    });

  const save = () => {
    setTried(true);
    if (!built.ok || duplicate) return;
    saveTarget(built.target, editingId ?? undefined, original);
    onDone(built.target.id);
  };

  const currencies = description.data?.orders.currencies ?? [];
  const dimensions =
    draft.source === 'kpi'
      ? filterableDimensions(draft.metric).filter((d) => d !== 'currency' || currencies.length > 1)
      : [];
  const skus = useSkuOptions(dimensions.includes('sku'));
  const optionsOf = (dimension: string): readonly string[] =>
    dimension === 'currency'
      ? currencies
      : dimension === 'role'
        ? PRODUCT_ROLES
        : ((dimensionValues.data as Record<string, string[]> | undefined)?.[dimension] ?? []);

  return (
    <form
      className="card goal-editor"
      data-editor={editingId ?? 'new'}
      aria-label={editingId ? t('goals.editor.editTitle') : t('goals.editor.newTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="card-head">
        <h2>{editingId ? t('goals.editor.editTitle') : t('goals.editor.newTitle')}</h2>
      </div>
      <div className="editor-grid">
        <div className="editor-fields">
          <Fieldset legend={t('goals.editor.what')}>
            <div className="segmented" role="group" aria-label={t('goals.editor.source')}>
              {(['kpi', 'checkin'] as const).map((source) => (
                <button
                  key={source}
                  type="button"
                  aria-pressed={draft.source === source}
                  data-source={source}
                  onClick={() => update({ source })}
                >
                  {t(`goals.editor.source.${source}`)}
                </button>
              ))}
            </div>
            {draft.source === 'kpi' ? (
              <label className="field field-wide">
                <span>{t('goals.editor.metric')}</span>
                <select
                  value={draft.metric}
                  data-field="metric"
                  onChange={(e) => update({ metric: e.target.value as KpiId, filters: {} })}
                >
                  {(Object.keys(METRIC_GROUPS) as MetricGroup[]).map((group) => (
                    <optgroup key={group} label={t(`goals.group.${group}`)}>
                      {METRIC_GROUPS[group].map((id) => (
                        <option key={id} value={id}>
                          {kpiLabel(id, locale)}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </label>
            ) : (
              <div className="field-row">
                <label className="field">
                  <span>{t('goals.editor.checkinLabel')}</span>
                  <input
                    type="text"
                    value={draft.checkin.label}
                    data-field="checkin-label"
                    placeholder={t('goals.editor.checkinLabelHint')}
                    onChange={(e) => update({ checkin: { ...draft.checkin, label: e.target.value } })}
                  />
                </label>
                <label className="field field-narrow">
                  <span>{t('goals.editor.checkinUnit')}</span>
                  <input
                    type="text"
                    value={draft.checkin.unit}
                    data-field="checkin-unit"
                    placeholder={t('goals.editor.checkinUnitHint')}
                    onChange={(e) => update({ checkin: { ...draft.checkin, unit: e.target.value } })}
                  />
                </label>
                <label className="field">
                  <span>{t('goals.editor.aggregation')}</span>
                  <select
                    value={draft.checkin.aggregation}
                    data-field="checkin-aggregation"
                    onChange={(e) =>
                      update({ checkin: { ...draft.checkin, aggregation: e.target.value as 'sum' | 'level' } })
                    }
                  >
                    <option value="sum">{t('goals.editor.aggregation.sum')}</option>
                    <option value="level">{t('goals.editor.aggregation.level')}</option>
                  </select>
                </label>
                <label className="field">
                  <span>{t('goals.editor.direction')}</span>
                  <select
                    value={draft.checkin.direction}
                    data-field="checkin-direction"
                    onChange={(e) => update({ checkin: { ...draft.checkin, direction: e.target.value as Direction } })}
                  >
                    <option value="higher_is_better">{t('goals.editor.direction.higher')}</option>
                    <option value="lower_is_better">{t('goals.editor.direction.lower')}</option>
                  </select>
                </label>
                <label className="field field-narrow">
                  <span>{t('goals.editor.checkinId')}</span>
                  <input
                    type="text"
                    value={draft.checkin.id}
                    placeholder={snakeCase(draft.checkin.label) || 'brand_mentions'}
                    onChange={(e) => update({ checkin: { ...draft.checkin, id: e.target.value } })}
                  />
                </label>
              </div>
            )}
          </Fieldset>

          <Fieldset legend={t('goals.editor.when')}>
            <div className="field-row">
              <label className="field">
                <span>{t('period.from')}</span>
                <input
                  type="date"
                  value={draft.from}
                  data-field="from"
                  onChange={(e) => update({ from: e.target.value })}
                  required
                />
              </label>
              <label className="field">
                <span>{t('period.to')}</span>
                <input
                  type="date"
                  value={draft.to}
                  data-field="to"
                  onChange={(e) => update({ to: e.target.value })}
                  required
                />
              </label>
            </div>
          </Fieldset>

          <Fieldset legend={t('goals.editor.howMuch')}>
            <div className="field-row">
              <AmountField
                label={t('goals.editor.floor')}
                name="floor"
                value={draft.floor}
                unit={unit}
                locale={locale}
                currency={currency}
                onChange={(floor) => update({ floor })}
                hint={t('goals.editor.floorHint')}
              />
              <AmountField
                label={t('goals.editor.target')}
                name="target"
                value={draft.target}
                unit={unit}
                locale={locale}
                currency={currency}
                onChange={(target) => update({ target })}
              />
              <AmountField
                label={t('goals.editor.stretch')}
                name="stretch"
                value={draft.stretch}
                unit={unit}
                locale={locale}
                currency={currency}
                onChange={(stretch) => update({ stretch })}
                hint={t('goals.editor.optional')}
              />
            </div>
          </Fieldset>

          <Fieldset legend={t('goals.editor.phasing')}>
            {/* A level is held, not accumulated: only amounts are phased (issue 18, item 10). */}
            {!additive ? (
              <p className="muted" data-phasing-level>
                {t('goals.editor.levelPhasing')}
              </p>
            ) : (
              <div className="segmented" role="group" aria-label={t('goals.editor.phasing')}>
                {PHASINGS.map((phasing) => (
                  <button
                    key={phasing}
                    type="button"
                    aria-pressed={draft.phasing === phasing}
                    data-phasing={phasing}
                    onClick={() => update({ phasing })}
                  >
                    {t(`goals.phasing.${phasing}`)}
                  </button>
                ))}
              </div>
            )}
            {additive && <p className="muted">{t(`goals.editor.phasingHelp.${draft.phasing}`)}</p>}
            {draft.phasing === 'custom' && (
              <MilestonesEditor
                draft={draft}
                unit={unit}
                additive={additive}
                locale={locale}
                currency={currency}
                onChange={(milestones) => update({ milestones })}
              />
            )}
          </Fieldset>

          {dimensions.length > 0 && (
            <Fieldset legend={t('goals.editor.filters')}>
              <div className="filter-pickers">
                {dimensions.map((dimension) =>
                  dimension === 'sku' ? (
                    <SkuPicker
                      key={dimension}
                      options={skus.data ?? []}
                      selected={draft.filters['sku'] ?? []}
                      onChange={(values) => update({ filters: { ...draft.filters, sku: values } })}
                    />
                  ) : (
                    <FilterPicker
                      key={dimension}
                      dimension={dimension}
                      options={optionsOf(dimension)}
                      selected={draft.filters[dimension] ?? []}
                      single={dimension === 'currency'}
                      onChange={(values) => update({ filters: { ...draft.filters, [dimension]: values } })}
                    />
                  ),
                )}
              </div>
            </Fieldset>
          )}

          <Fieldset legend={t('goals.editor.who')}>
            <div className="field-row">
              <label className="field">
                <span>{t('goals.editor.owner')}</span>
                <input
                  type="text"
                  value={draft.owner}
                  data-field="owner"
                  placeholder={t('goals.editor.ownerHint')}
                  onChange={(e) => update({ owner: e.target.value })}
                />
              </label>
              <label className="field">
                <span>{t('goals.editor.id')}</span>
                <input
                  type="text"
                  value={draft.id}
                  data-field="id"
                  onChange={(e) => {
                    setIdTouched(true);
                    setDraft({ ...draft, id: e.target.value });
                  }}
                />
              </label>
            </div>
            <label className="field field-wide">
              <span>{t('goals.editor.why')}</span>
              <textarea
                rows={2}
                value={draft.why}
                data-field="why"
                placeholder={t('goals.editor.whyHint')}
                onChange={(e) => update({ why: e.target.value })}
              />
            </label>
          </Fieldset>
        </div>
        <aside className="editor-side">
          <SmartPanel check={smartTarget ? smart.data : undefined} loading={smartTarget !== null} />
        </aside>
      </div>
      {tried && errors.length > 0 && (
        <div className="editor-errors" role="alert" data-editor-errors>
          <strong>{t('goals.editor.fix')}</strong>
          <ul>
            {errors.map((e) => (
              <li key={`${e.field}:${e.message}`}>
                <code>{e.field}</code> {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="editor-foot">
        <button type="submit" className="btn btn-primary" data-action="save-target">
          {t('goals.editor.save')}
        </button>
        <button type="button" className="btn" onClick={() => onDone(null)}>
          {t('goals.cancel')}
        </button>
        <span className="muted">{t('goals.editor.warnOnly')}</span>
      </div>
    </form>
  );
}
