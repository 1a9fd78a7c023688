import { describe, expect, it } from 'vitest';
import { followDefaultPeriod } from '../../../src/app/default-period';

/**
 * Issue 18, item 3: after loading your own data (ending December 2025) the view stayed on the
 * sample's October 2026, every card "—". The default period follows the data loaded, unless the
 * user chose one (from the URL or the period control).
 */
const OCT_2026 = { from: '2026-10-01', to: '2026-10-31' };
const DEC_2025 = { from: '2025-12-01', to: '2025-12-31' };
const CHOSEN = { from: '2026-07-01', to: '2026-09-30' };

describe('default period follows the loaded data', () => {
  it('fills in the data’s default when the view has no period', () => {
    expect(followDefaultPeriod(null, null, OCT_2026)).toEqual(OCT_2026);
  });
  it('moves the filled-in sample period to the loaded data’s last month', () => {
    expect(followDefaultPeriod(OCT_2026, OCT_2026, DEC_2025)).toEqual(DEC_2025);
  });
  it('keeps a period the user chose or the URL gave', () => {
    expect(followDefaultPeriod(CHOSEN, OCT_2026, DEC_2025)).toBeNull();
    expect(followDefaultPeriod(CHOSEN, null, DEC_2025)).toBeNull();
  });
  it('leaves the view alone while the data’s default is not known or already shown', () => {
    expect(followDefaultPeriod(OCT_2026, OCT_2026, null)).toBeNull();
    expect(followDefaultPeriod(OCT_2026, OCT_2026, OCT_2026)).toBeNull();
  });
});
