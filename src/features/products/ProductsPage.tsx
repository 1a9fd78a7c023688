import { useMemo, useState } from 'react';
import { ChartLegend } from '../../components/charts/ChartLegend';
import { DataTable, tableCsvOnDemand } from '../../components/ui/DataTable';
import { exportName } from '../../components/ui/download';
import { KpiCard } from '../../components/ui/KpiCard';
import { PageHead } from '../../components/ui/PageHead';
import { usePageScope } from '../../components/ui/page-scope';
import { Panel } from '../../components/ui/Panel';
import { EmptyState, ErrorBox } from '../../components/ui/states';
import { useFormatters } from '../../components/ui/use-formatters';
import { useStable } from '../../components/ui/use-stable';
import { inventoryQuery } from '../../dataset/inventory-query';
import { useEngineFetch, useEngineQuery } from '../../dataset/use-engine-query';
import { compareText } from '../../lib/compare-text';
import { useComparison } from '../../dataset/use-view';
import { useT } from '../../i18n/use-t';
import { computeProducts, computeProductTotals, PRODUCT_ROLES, type ProductRole } from '../../metrics/queries/products';
import { PRODUCT_ENTRIES, SKU_ROW_METRICS, ROLE_TEXTS, type ProductMetricId } from '../../metrics/registry/products';
import { useAppStore } from '../../stores/app-store';
import { usePlanStore } from '../../stores/plan-store';
import { hasMatrixPlace, MATRIX_MAX_POINTS, ProductMatrix, ROLE_COLOURS } from './ProductMatrix';
import { roleVerdicts } from './role-scorecard';
import { bundleColumns, metricExplained, metricLabel, roleLabelOf, skuColumns, stockColumns } from './products-columns';

/**
 * The Products page (issue 13): the SKU table (sortable, searchable, filterable by category,
 * role and ABC class, every column explained), the product matrix, the role scorecard, bundle
 * pairs and the stock table with alerts first. Every number is computeProducts' and
 * computeInventory's, the runners `yardstick report` prints as `products` and `inventory`.
 */
export function ProductsPage() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const zh = locale === 'zh-CN';
  const { scope, description, filters, period, currency } = usePageScope();
  const comparison = useStable(useComparison(period));
  const fmt = useFormatters(currency);
  // Roles set here (kept in IndexedDB) win over the products file's: wait until they are read.
  const roles = usePlanStore((s) => s.sku_roles);
  const rolesHere = useMemo(
    () => new Map(Object.entries(roles).map(([k, v]) => [k.trim().toLowerCase(), v as ProductRole])),
    [roles],
  );
  const planLoaded = usePlanStore((s) => s.loaded);
  const ready = period !== null && description.data !== undefined && planLoaded;
  // One query for the view (the SKU rows, the stock, the cards' comparison totals): the page
  // draws once when all of it is in, not once per part.
  const fetchShared = useEngineFetch();
  const view = useEngineQuery(
    ['products', period, comparison, filters, roles],
    async (e) => {
      const stock = inventoryQuery(period!, filters);
      const [products, inventory, previous] = await Promise.all([
        computeProducts(e, period!, filters, { comparison, roles }),
        fetchShared(stock.key, stock.run),
        comparison ? computeProductTotals(e, comparison, filters) : null,
      ]);
      return { products, inventory, previous };
    },
    ready,
  );
  const stale = view.isPlaceholderData;
  const compareLabel = comparison ? t('kpi.vs', { period: `${comparison.from} – ${comparison.to}` }) : undefined;
  // An alert's link opens the page on its SKU (the view's focus).
  const [search, setSearch] = useState(() => useAppStore.getState().view.focus ?? '');
  const [category, setCategory] = useState('');
  const [role, setRole] = useState('');
  const [abc, setAbc] = useState('');

  const label = (id: ProductMetricId) => metricLabel(id, zh);
  const roleLabel = (r: ProductRole) => roleLabelOf(r, zh);

  const section = view.data?.products;
  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (section?.rows ?? []).filter(
      (r) =>
        (q === '' || `${r.sku ?? ''} ${r.product_name ?? ''}`.toLowerCase().includes(q)) &&
        (category === '' || r.category === category) &&
        (role === '' || r.role === role) &&
        (abc === '' || r.abc === abc),
    );
  }, [section, search, category, role, abc]);
  const plotted = useMemo(() => (section?.rows ?? []).filter(hasMatrixPlace).length, [section]);
  const categories = useMemo(
    () => [...new Set((section?.rows ?? []).map((r) => r.category).filter((c): c is string => c !== null))].sort(),
    [section],
  );

  const stock = useMemo(
    () =>
      [...(view.data?.inventory?.rows ?? [])].sort(
        (a, b) => b.alerts.length - a.alerts.length || compareText(a.sku, b.sku),
      ),
    [view.data?.inventory],
  );
  const columns = useMemo(
    () => ({ skus: skuColumns(zh, fmt, rolesHere), bundles: bundleColumns(zh, fmt), stock: stockColumns(zh, fmt) }),
    [zh, fmt, rolesHere],
  );
  // The heavy parts as memoised elements: a view change first draws the page again on the old
  // rows (dimmed while the new ones come); the tables and the matrix then stay as they are.
  const matrix = useMemo(
    () =>
      section ? (
        <ProductMatrix
          rows={section.rows}
          roleLabel={(r) => roleLabelOf(r, zh)}
          xLabel={metricLabel('revenue_share', zh)}
          yLabel={metricLabel('margin_rate', zh)}
          formatRate={fmt.rate}
        />
      ) : null,
    [section, zh, fmt],
  );
  const skuTable = useMemo(
    () => (
      <DataTable
        name="products-skus"
        caption={zh ? 'SKU 明细' : 'SKUs'}
        columns={columns.skus}
        rows={rows}
        rowKey={(r) => r.sku ?? '(none)'}
        // A shop of thousands of SKUs: a page at a time in the chosen order; search narrows.
        pageSize={50}
        sortable
      />
    ),
    [zh, columns, rows],
  );
  const bundleTable = useMemo(
    () => (
      <DataTable
        name="products-bundles"
        caption={zh ? '组合购买' : 'Bought together'}
        columns={columns.bundles}
        rows={section?.bundles ?? []}
        rowKey={(r) => `${r.sku_a}|${r.sku_b}`}
        pageSize={20}
        sortable
      />
    ),
    [zh, columns, section],
  );
  const stockTable = useMemo(
    () => (
      <DataTable
        name="products-stock"
        caption={zh ? '库存' : 'Stock'}
        columns={columns.stock}
        rows={stock}
        rowKey={(r) => r.sku}
        pageSize={50}
        sortable
      />
    ),
    [zh, columns, stock],
  );

  const inv = view.data?.inventory;
  return (
    <>
      <PageHead title={zh ? '商品与库存' : 'Products & inventory'} />
      {view.error && <ErrorBox title={t('error.query')} error={view.error} />}
      {section === null && inv === null ? (
        <EmptyState>
          <strong>{zh ? '尚未加载商品或库存数据' : 'No product list or stock is loaded'}</strong>
          <br />
          {zh
            ? '载入商品表（Shopify 商品导出、中文商品表或 products CSV）或库存快照，即可查看商品矩阵、角色、组合和库存预警。'
            : 'Load a product list (a Shopify products export, a Chinese product sheet or a products CSV) or stock snapshots to see the product matrix, roles, bundles and stock alerts.'}
        </EmptyState>
      ) : (
        <>
          <div className="kpi-grid kpi-row" data-section="products-totals">
            {section &&
              (['units', 'item_revenue', 'gross_margin', 'cost_coverage'] as const).map((id) => (
                <KpiCard
                  key={id}
                  id={id}
                  label={label(id)}
                  value={section.totals[id]}
                  previous={comparison && view.data?.previous ? view.data.previous[id] : undefined}
                  compareLabel={compareLabel}
                  lowerIsBetter={PRODUCT_ENTRIES[id].direction === 'lower'}
                  unit={PRODUCT_ENTRIES[id].unit}
                  currency={currency}
                  locale={locale}
                  loading={false}
                  stale={stale}
                />
              ))}
            {inv &&
              (['inventory_value', 'inventory_turnover', 'days_of_inventory'] as const).map((id) => (
                <KpiCard
                  key={id}
                  id={id}
                  label={label(id)}
                  value={inv[id]}
                  unit={id === 'inventory_value' ? 'money' : 'number'}
                  currency={currency}
                  locale={locale}
                  lowerIsBetter={PRODUCT_ENTRIES[id].direction === 'lower'}
                  loading={false}
                  stale={stale}
                />
              ))}
          </div>
          {scope && section && (
            <>
              <Panel
                busy={stale}
                name="products-matrix"
                title={zh ? '商品矩阵' : 'Product matrix'}
                subtitle={
                  zh
                    ? '横轴销售额占比，纵轴毛利率，圆大小为销量，颜色为角色'
                    : 'Revenue share across, margin rate up, circle size by units, colour by role'
                }
                exportName={exportName('products-matrix', scope.period)}
                caption={scope.caption}
                pngLegend={PRODUCT_ROLES.map((r) => ({ label: roleLabel(r), color: ROLE_COLOURS[r] }))}
              >
                {matrix}
                <ChartLegend entries={PRODUCT_ROLES.map((r) => ({ label: roleLabel(r), color: ROLE_COLOURS[r] }))} />
                {plotted > MATRIX_MAX_POINTS && (
                  <div className="table-note" data-note="matrix-cap">
                    {zh
                      ? `图中为销售额占比最高的 ${MATRIX_MAX_POINTS} 个 SKU（共 ${fmt.countFull(plotted)} 个有毛利率的 SKU），表格列出全部。`
                      : `The ${MATRIX_MAX_POINTS} SKUs with the largest revenue share are drawn, of ${fmt.countFull(plotted)} with a margin rate; the table lists every SKU.`}
                  </div>
                )}
              </Panel>
              <Panel
                busy={stale}
                name="products-roles"
                title={zh ? '角色记分卡' : 'Role scorecard'}
                exportName={exportName('products-roles', scope.period)}
                caption={scope.caption}
              >
                <div className="table-wrap">
                  <table className="data" data-table="products-roles">
                    <thead>
                      <tr>
                        <th>{zh ? '角色' : 'Role'}</th>
                        <th>{zh ? '职责' : 'Job'}</th>
                        <th className="n">{label('skus')}</th>
                        <th className="n">{label('item_revenue')}</th>
                        <th className="n">{label('revenue_share')}</th>
                        <th className="n">{label('margin_rate')}</th>
                        <th className="n">{label('new_buyer_share')}</th>
                        <th className="n">{label('growth')}</th>
                        <th>{zh ? '是否达成' : 'Doing its job?'}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {section.roles.map((r, i) => {
                        const v = roleVerdicts(section)[i]!;
                        return (
                          <tr key={r.role} data-role={r.role} data-skus={r.skus} data-revenue={r.item_revenue}>
                            <td>
                              <span className="swatch" style={{ background: ROLE_COLOURS[r.role] }} />{' '}
                              {roleLabel(r.role)}
                            </td>
                            <td>{zh ? ROLE_TEXTS[r.role].job.zh : ROLE_TEXTS[r.role].job.en}</td>
                            <td className="n">{fmt.countFull(r.skus)}</td>
                            <td className="n">{fmt.moneyFull(r.item_revenue)}</td>
                            <td className="n">{fmt.rate(r.revenue_share)}</td>
                            <td className="n">{fmt.rate(r.margin_rate)}</td>
                            <td className="n">{fmt.rate(r.new_buyer_share)}</td>
                            <td className="n">{fmt.rate(r.growth)}</td>
                            <td>{v.ok === null ? '—' : v.ok ? (zh ? '✓ 达成' : '✓ Yes') : zh ? '✗ 未达成' : '✗ No'}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </Panel>
              <Panel
                busy={stale}
                name="products-skus"
                title={zh ? 'SKU 明细' : 'SKUs'}
                exportName={exportName('products-skus', scope.period)}
                caption={scope.caption}
                csv={tableCsvOnDemand(rows, columns.skus)}
                controls={
                  <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                    <input
                      type="search"
                      placeholder={zh ? '搜索 SKU 或商品名' : 'Search SKU or name'}
                      value={search}
                      onChange={(e) => setSearch(e.target.value)}
                      aria-label={zh ? '搜索' : 'Search'}
                    />
                    <select
                      value={category}
                      onChange={(e) => setCategory(e.target.value)}
                      aria-label={zh ? '类目' : 'Category'}
                    >
                      <option value="">{zh ? '全部类目' : 'All categories'}</option>
                      {categories.map((c) => (
                        <option key={c}>{c}</option>
                      ))}
                    </select>
                    <select value={role} onChange={(e) => setRole(e.target.value)} aria-label={zh ? '角色' : 'Role'}>
                      <option value="">{zh ? '全部角色' : 'All roles'}</option>
                      {PRODUCT_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {roleLabel(r)}
                        </option>
                      ))}
                    </select>
                    <select value={abc} onChange={(e) => setAbc(e.target.value)} aria-label={label('abc')}>
                      <option value="">{zh ? '全部 ABC' : 'All ABC'}</option>
                      {['A', 'B', 'C'].map((c) => (
                        <option key={c}>{c}</option>
                      ))}
                    </select>
                  </div>
                }
                footnote={
                  <details style={{ fontSize: 12, color: 'var(--text-2)' }}>
                    <summary>{zh ? '各列含义' : 'What each column means'}</summary>
                    <dl>
                      {[...SKU_ROW_METRICS, 'abc' as const].map((id) => (
                        <div key={id}>
                          <dt>{label(id)}</dt>
                          <dd>{metricExplained(id, zh)}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                }
              >
                {skuTable}
              </Panel>
              <Panel
                busy={stale}
                name="products-bundles"
                title={zh ? '组合购买' : 'Bought together'}
                subtitle={zh ? '同单至少 5 次的 SKU 组合' : 'Pairs of SKUs in at least 5 paid orders together'}
                exportName={exportName('products-bundles', scope.period)}
                caption={scope.caption}
                csv={tableCsvOnDemand(section.bundles, columns.bundles)}
              >
                {section.bundles.length === 0 ? (
                  <EmptyState>
                    {zh ? '没有同单 5 次以上的组合。' : 'No pair of SKUs was bought together in 5 or more paid orders.'}
                  </EmptyState>
                ) : (
                  bundleTable
                )}
              </Panel>
            </>
          )}
          {scope && inv && (
            <Panel
              busy={stale}
              name="products-stock"
              title={zh ? `库存（截至 ${inv.as_of}）` : `Stock on ${inv.as_of}`}
              subtitle={zh ? '有预警的 SKU 排在前面' : 'SKUs with alerts first'}
              exportName={exportName('products-stock', scope.period)}
              caption={scope.caption}
              csv={tableCsvOnDemand(stock, columns.stock)}
            >
              {stockTable}
            </Panel>
          )}
        </>
      )}
    </>
  );
}
