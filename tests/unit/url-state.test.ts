import { describe, expect, it } from 'vitest';
import { searchFromView, viewFromSearch } from '../../src/app/url-state';
import { DEFAULT_VIEW } from '../../src/stores/app-store';

describe('the view lives in the URL', () => {
  it('round-trips a full view', () => {
    const view = {
      page: 'sales' as const,
      period: { from: '2026-01-01', to: '2026-03-31' },
      compare: 'yoy' as const,
      grain: 'week' as const,
      filters: { channel: ['email', 'paid_search'], region: ['East China'] },
      currency: 'CNY',
    };
    const search = searchFromView(view);
    expect(search).toBe(
      '?page=sales&from=2026-01-01&to=2026-03-31&compare=yoy&grain=week&channel=email&channel=paid_search&region=East+China&currency=CNY',
    );
    expect(viewFromSearch(search)).toEqual(view);
  });

  it('leaves defaults out of the link', () => {
    expect(searchFromView(DEFAULT_VIEW)).toBe('');
  });

  it('keeps the service SLA (minutes) in the link, the default 60 left out', () => {
    const view = { ...DEFAULT_VIEW, page: 'service' as const, sla: 30 };
    expect(searchFromView(view)).toBe('?page=service&sla=30');
    expect(viewFromSearch('?page=service&sla=30')).toEqual(view);
    expect(searchFromView({ ...view, sla: 60 })).toBe('?page=service');
    expect(viewFromSearch('?sla=60').sla).toBeUndefined();
    for (const bad of ['0', '-5', '1.5', 'abc', '10081', '']) expect(viewFromSearch(`?sla=${bad}`).sla).toBeUndefined();
    expect(viewFromSearch('?sla=10080').sla).toBe(10080);
  });

  it('ignores malformed values instead of breaking the page', () => {
    const v = viewFromSearch('?page=nope&from=2026-13&to=2026-01-01&compare=x&grain=hour');
    expect(v).toEqual(DEFAULT_VIEW);
    expect(viewFromSearch('?from=2026-02-01&to=2026-01-01').period).toBeNull();
  });
});
