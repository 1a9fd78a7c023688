import { describe, expect, it } from 'vitest';
import { toggleFilter } from '../../src/app/FilterBar';

describe('toggling a filter value', () => {
  it('adds a value in sorted order and removes it again, dropping the empty dimension', () => {
    const one = toggleFilter({}, 'channel', 'paid_search');
    const two = toggleFilter(one, 'channel', 'email');
    expect(two).toEqual({ channel: ['email', 'paid_search'] });
    expect(toggleFilter(toggleFilter(two, 'channel', 'email'), 'channel', 'paid_search')).toEqual({});
  });
  it('leaves other dimensions alone', () => {
    expect(toggleFilter({ region: ['East'] }, 'device', 'mobile')).toEqual({ region: ['East'], device: ['mobile'] });
  });
});
