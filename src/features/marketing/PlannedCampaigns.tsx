import { useState } from 'react';
import type { PageScope } from '../../components/ui/page-scope';
import { Panel } from '../../components/ui/Panel';
import { usePlanStore } from '../../stores/plan-store';
import { useAppStore } from '../../stores/app-store';
import { CAMPAIGN_TYPES, parseCampaign, type CampaignType, type PlanProblem } from '../../targets/plan-sections';

type Texts = { en: string; zh: string };

/** DATA.md's campaign types in both languages. */
export const CAMPAIGN_TYPE_TEXTS: Record<CampaignType, Texts> = {
  threshold_discount: { en: 'Threshold discount', zh: '满减' },
  coupon: { en: 'Coupon', zh: '优惠券' },
  bundle: { en: 'Bundle', zh: '组合套餐' },
  flash_sale: { en: 'Flash sale', zh: '限时抢购' },
  new_product: { en: 'New product', zh: '新品' },
  holiday: { en: 'Holiday', zh: '节日' },
  other: { en: 'Other', zh: '其他' },
};

const T = {
  title: { en: 'Planned campaigns', zh: '计划中的活动' },
  note: {
    en: 'Campaigns added here join the loaded calendar (one with the id of a loaded campaign replaces it), are kept in this browser and go out with the targets file. The id is the one orders and spend carry in their campaign column. To import a whole calendar, use Import a campaign calendar below.',
    zh: '在此添加的活动并入已载入的活动日历（与已载入活动同 ID 时替换之），保存在本浏览器中，并随目标文件导出。ID 即订单和花费表 campaign 列中的值。如需导入整份日历，请使用下方的“导入活动日历”。',
  },
  id: { en: 'Campaign id', zh: '活动 ID' },
  name: { en: 'Name', zh: '名称' },
  type: { en: 'Type', zh: '类型' },
  starts: { en: 'Starts on', zh: '开始日期' },
  ends: { en: 'Ends on', zh: '结束日期' },
  budget: { en: 'Budget (optional)', zh: '预算（可选）' },
  add: { en: 'Add campaign', zh: '添加活动' },
  none: { en: 'No campaign added here yet.', zh: '尚未在此添加活动。' },
  remove: { en: 'Remove', zh: '删除' },
  needId: { en: 'Give the campaign an id.', zh: '请填写活动 ID。' },
  needDates: { en: 'Give both dates.', zh: '请填写开始和结束日期。' },
  endBefore: { en: 'The end date is before the start date.', zh: '结束日期早于开始日期。' },
  badBudget: { en: 'The budget must be a number of 0 or more.', zh: '预算须为不小于 0 的数字。' },
  saveError: { en: 'Could not keep the change in this browser: ', zh: '无法在本浏览器保存更改：' },
} satisfies Record<string, Texts>;

/** The planner's campaigns (issue 14, item 3): a form to add one and the list, each removable. */
export function PlannedCampaigns({ scope }: { scope: PageScope }) {
  const zh = useAppStore((s) => s.locale) === 'zh-CN';
  const say = (k: keyof typeof T) => (zh ? T[k].zh : T[k].en);
  const campaigns = usePlanStore((s) => s.campaigns);
  const saveError = usePlanStore((s) => s.saveError);
  const saveCampaign = usePlanStore((s) => s.saveCampaign);
  const removeCampaign = usePlanStore((s) => s.removeCampaign);
  const [draft, setDraft] = useState({
    campaign: '',
    name: '',
    type: 'other' as CampaignType,
    starts_on: scope.period.from,
    ends_on: scope.period.from,
    budget: '',
  });
  const [errors, setErrors] = useState<string[]>([]);
  const edit = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));

  const add = () => {
    const mine: string[] = [];
    if (draft.campaign.trim() === '') mine.push(say('needId'));
    if (draft.starts_on === '' || draft.ends_on === '') mine.push(say('needDates'));
    else if (draft.ends_on < draft.starts_on) mine.push(say('endBefore'));
    const budget = draft.budget.trim() === '' ? null : Number(draft.budget);
    if (budget !== null && !(Number.isFinite(budget) && budget >= 0)) mine.push(say('badBudget'));
    if (mine.length > 0) return setErrors(mine);
    // The same checks the targets file gets, so what is saved here always reads back.
    const problems: PlanProblem[] = [];
    const parsed = parseCampaign({ ...draft, budget }, 'campaign', problems);
    if (parsed === null) return setErrors(problems.map((p) => `${p.field}: ${p.message}`));
    saveCampaign(parsed);
    setErrors([]);
    setDraft((d) => ({ ...d, campaign: '', name: '', budget: '' }));
  };

  return (
    <Panel name="marketing-planned" title={say('title')} subtitle={say('note')} exportName="marketing-planned">
      <form
        className="plan-form"
        style={{ display: 'flex', flexWrap: 'wrap', gap: 10, alignItems: 'flex-end' }}
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
        data-form="add-campaign"
      >
        <label className="field" style={{ width: 150 }}>
          <span>{say('id')}</span>
          <input value={draft.campaign} onChange={(e) => edit({ campaign: e.target.value })} data-field="campaign" />
        </label>
        <label className="field" style={{ width: 190 }}>
          <span>{say('name')}</span>
          <input value={draft.name} onChange={(e) => edit({ name: e.target.value })} data-field="name" />
        </label>
        <label className="field" style={{ width: 150 }}>
          <span>{say('type')}</span>
          <select value={draft.type} onChange={(e) => edit({ type: e.target.value as CampaignType })} data-field="type">
            {CAMPAIGN_TYPES.map((c) => (
              <option key={c} value={c}>
                {zh ? CAMPAIGN_TYPE_TEXTS[c].zh : CAMPAIGN_TYPE_TEXTS[c].en}
              </option>
            ))}
          </select>
        </label>
        <label className="field" style={{ width: 150 }}>
          <span>{say('starts')}</span>
          <input
            type="date"
            value={draft.starts_on}
            onChange={(e) => edit({ starts_on: e.target.value })}
            data-field="starts_on"
          />
        </label>
        <label className="field" style={{ width: 150 }}>
          <span>{say('ends')}</span>
          <input
            type="date"
            value={draft.ends_on}
            onChange={(e) => edit({ ends_on: e.target.value })}
            data-field="ends_on"
          />
        </label>
        <label className="field" style={{ width: 130 }}>
          <span>{say('budget')}</span>
          <input
            inputMode="decimal"
            value={draft.budget}
            onChange={(e) => edit({ budget: e.target.value })}
            data-field="budget"
          />
        </label>
        <button type="submit" className="btn btn-primary" data-action="add-campaign">
          {say('add')}
        </button>
      </form>
      {errors.length > 0 && (
        <ul className="field-errors" role="alert" style={{ color: 'var(--bad, #b42318)', marginTop: 8 }}>
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {saveError && (
        <p role="alert" className="small">
          {say('saveError')}
          {saveError}
        </p>
      )}
      {campaigns.length === 0 ? (
        <p className="muted small" style={{ marginTop: 12 }}>
          {say('none')}
        </p>
      ) : (
        <div className="table-wrap" style={{ marginTop: 12 }}>
          <table className="data" data-table="planned-campaigns">
            <thead>
              <tr>
                <th>{say('id')}</th>
                <th>{say('name')}</th>
                <th>{say('type')}</th>
                <th>{say('starts')}</th>
                <th>{say('ends')}</th>
                <th className="n">{say('budget')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.campaign} data-planned={c.campaign}>
                  <td>
                    <code>{c.campaign}</code>
                  </td>
                  <td>{c.name ?? '—'}</td>
                  <td>{c.type ? (zh ? CAMPAIGN_TYPE_TEXTS[c.type].zh : CAMPAIGN_TYPE_TEXTS[c.type].en) : '—'}</td>
                  <td>{c.starts_on}</td>
                  <td>{c.ends_on}</td>
                  <td className="n">{c.budget === null ? '—' : c.budget.toLocaleString(zh ? 'zh-CN' : 'en')}</td>
                  <td>
                    <button
                      type="button"
                      className="btn-link"
                      onClick={() => removeCampaign(c.campaign)}
                      data-action="remove-campaign"
                    >
                      {say('remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
