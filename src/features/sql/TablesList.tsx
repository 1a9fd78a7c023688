import { useEngineQuery } from '../../dataset/use-engine-query';
import { ErrorBox, Skeleton } from '../../components/ui/states';
import { useT } from '../../i18n/use-t';
import { formatCount } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { describeTables } from './sql-queries';

/** The tables one can query and their columns; a click puts the name into the editor. */
export function TablesList({ onInsert }: { onInsert: (text: string) => void }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const tables = useEngineQuery(['sql-tables'], describeTables);
  if (tables.error) return <ErrorBox title={t('error.query')} error={tables.error} />;
  if (!tables.data) return <Skeleton height={200} />;
  return (
    <ul className="sql-tables" data-testid="sql-tables">
      {tables.data.map((table) => (
        <li key={table.name}>
          <details open={table.name === 'orders'}>
            <summary>
              <span className="sql-table-name">{table.name}</span>
              <span className="sql-table-rows">{t('sql.rows', { n: formatCount(table.rows, locale, false) })}</span>
            </summary>
            <button
              type="button"
              className="link-btn sql-insert"
              onClick={() => onInsert(table.name)}
              title={t('sql.insert')}
            >
              {t('sql.insertTable', { table: table.name })}
            </button>
            <ul className="sql-columns">
              {table.columns.map((c) => (
                <li key={c.name}>
                  <button type="button" className="link-btn" onClick={() => onInsert(c.name)} title={t('sql.insert')}>
                    {c.name}
                  </button>
                  <span className="sql-type">{c.type.toLowerCase()}</span>
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}
