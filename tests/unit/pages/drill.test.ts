import { describe, expect, it } from 'vitest';
import { bucketPeriod, toggleFilterValue, withoutDimension } from '../../../src/components/ui/drill';

describe('drill-down', () => {
  it('filters to a clicked value, replacing other values of that dimension', () => {
    expect(toggleFilterValue({}, 'channel', 'email')).toEqual({ channel: ['email'] });
    expect(toggleFilterValue({ channel: ['email', 'direct'], region: ['East China'] }, 'channel', 'direct')).toEqual({
      channel: ['direct'],
      region: ['East China'],
    });
  });

  it('lifts the filter when the only chosen value is clicked again', () => {
    expect(toggleFilterValue({ channel: ['email'], device: ['mobile'] }, 'channel', 'email')).toEqual({
      device: ['mobile'],
    });
  });

  it('leaves the input untouched', () => {
    const filters = { channel: ['email'] };
    toggleFilterValue(filters, 'channel', 'direct');
    expect(filters).toEqual({ channel: ['email'] });
  });

  it('draws a breakdown without its own dimension but with the others', () => {
    expect(withoutDimension({ channel: ['email'], region: ['North China'], currency: 'CNY' }, 'channel')).toEqual({
      region: ['North China'],
      currency: 'CNY',
    });
  });

  it('narrows the period to a clicked bucket, clipped to the period', () => {
    const period = { from: '2026-09-15', to: '2026-10-31' };
    expect(bucketPeriod(period, 'month', '2026-09')).toEqual({ from: '2026-09-15', to: '2026-09-30' });
    expect(bucketPeriod(period, 'month', '2026-10')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(bucketPeriod(period, 'week', '2026-W40')).toEqual({ from: '2026-09-28', to: '2026-10-04' });
    expect(bucketPeriod(period, 'day', '2026-10-07')).toEqual({ from: '2026-10-07', to: '2026-10-07' });
    expect(bucketPeriod(period, 'month', '2026-11')).toBeNull();
  });
});
