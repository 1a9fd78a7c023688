import { memo } from 'react';
import { PRODUCT_ROLES, type ProductRole } from '../../metrics/queries/products';
import { usePlanStore } from '../../stores/plan-store';

/**
 * A SKU's role, set in the page (issue 13, item 3): kept in IndexedDB, winning over the products
 * file's role and written into the targets file. `setHere` is the role set in this browser (shown
 * at once, before the page's numbers catch up); Reset gives the products file's role back.
 */
export const RoleSelect = memo(function RoleSelect({
  sku,
  role,
  setHere,
  roleLabel,
  zh,
}: {
  sku: string;
  role: ProductRole;
  setHere: ProductRole | null;
  roleLabel: (r: ProductRole) => string;
  zh: boolean;
}) {
  const change = (next: string) => usePlanStore.getState().setRole(sku, next as ProductRole);
  return (
    <span className="role-cell" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
      <select
        value={setHere ?? role}
        onChange={(e) => change(e.target.value)}
        aria-label={zh ? `${sku} 的角色` : `Role of ${sku}`}
        data-role-select={sku}
        data-set-here={setHere !== null ? 'true' : undefined}
        title={
          setHere !== null
            ? zh
              ? '在本浏览器中设置，随目标文件导出'
              : 'Set in this browser; exported with the targets file'
            : zh
              ? '来自商品表'
              : 'From the products file'
        }
        style={{
          border: '1px solid var(--border)',
          borderRadius: 6,
          padding: '2px 4px',
          background: setHere !== null ? 'var(--accent-soft)' : 'var(--surface)',
          color: 'var(--text)',
          fontSize: 13,
        }}
      >
        {PRODUCT_ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </select>
      {setHere !== null && (
        <button
          type="button"
          className="btn-link"
          onClick={() => usePlanStore.getState().setRole(sku, null)}
          title={zh ? '恢复商品表中的角色' : 'Back to the products file’s role'}
          aria-label={zh ? `恢复 ${sku} 的商品表角色` : `Reset the role of ${sku} to the products file’s`}
          data-action="reset-role"
        >
          ↺
        </button>
      )}
    </span>
  );
});
