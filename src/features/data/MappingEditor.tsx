import { useEngine } from '../../dataset/engine-context';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../i18n/use-t';
import { FIELDS } from '../../ingest/fields';
import { previewMapping } from '../../ingest/import';
import type { ColumnMapping } from '../../ingest/types';
import { ErrorBox, Skeleton } from '../../components/ui/states';
export { guessMapping } from './mapping-guess';

/** Hand mapping for a file no source recognised, with a live preview of how rows will be read. */
export function MappingEditor({ file, header, mapping, onChange }: { file: File; header: string[]; mapping: ColumnMapping; onChange: (m: ColumnMapping) => void }) {
  const t = useT();
  const engine = useEngine();
  const fields = FIELDS[mapping.table];
  const missing = fields.filter((f) => f.required && !mapping.columns[f.name]);
  const preview = useQuery({
    queryKey: ['mapping-preview', file.name, file.size, file.lastModified, mapping],
    queryFn: () => previewMapping(engine, { name: file.name, data: file }, mapping),
    enabled: missing.length === 0,
  });
  const set = (field: string, column: string) => {
    const columns = { ...mapping.columns };
    if (column) columns[field] = column;
    else delete columns[field];
    onChange({ ...mapping, columns });
  };

  return (
    <div className="mapping">
      <div className="mapping-grid">
        {fields.map((f) => (
          <label key={f.name} className="control mapping-row">
            <span className="mapping-field">
              {f.name}
              {f.required && <span className="req" aria-label={t('mapping.required')}> *</span>}
            </span>
            <select value={mapping.columns[f.name] ?? ''} onChange={(e) => set(f.name, e.target.value)} data-map-field={f.name}>
              <option value="">{t('mapping.none')}</option>
              {header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="control mapping-row">
          <span className="mapping-field">{t('mapping.dateOrder')}</span>
          <select value={mapping.dateOrder ?? ''} onChange={(e) => onChange(withOption(mapping, 'dateOrder', e.target.value))}>
            <option value="">{t('mapping.auto')}</option>
            <option value="dmy">{t('mapping.dmy')}</option>
            <option value="mdy">{t('mapping.mdy')}</option>
          </select>
        </label>
        <label className="control mapping-row">
          <span className="mapping-field">{t('mapping.decimal')}</span>
          <select value={mapping.decimal ?? ''} onChange={(e) => onChange(withOption(mapping, 'decimal', e.target.value))}>
            <option value="">{t('mapping.auto')}</option>
            <option value="dot">1,234.50</option>
            <option value="comma">1.234,50</option>
          </select>
        </label>
      </div>
      {missing.length > 0 ? (
        <p className="warn-line">{t('mapping.missing', { fields: missing.map((f) => f.name).join(', ') })}</p>
      ) : preview.error ? (
        <ErrorBox title={t('mapping.previewFailed')} error={preview.error} />
      ) : !preview.data ? (
        <Skeleton height={80} />
      ) : (
        <div className="table-wrap" style={{ maxHeight: 260 }} data-testid="mapping-preview">
          <table className="data">
            <thead>
              <tr>
                {Object.keys(preview.data[0] ?? {}).map((k) => (
                  <th key={k}>{k}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.data.map((r, i) => (
                <tr key={i} className={r.reason ? 'row-bad' : undefined}>
                  {Object.entries(r).map(([k, v]) => (
                    <td key={k}>{v === null ? '—' : String(v)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function withOption(m: ColumnMapping, key: 'dateOrder' | 'decimal', value: string): ColumnMapping {
  const out = { ...m };
  if (value) (out as Record<string, unknown>)[key] = value;
  else delete out[key];
  return out;
}
