import type { MessageKey } from '../../i18n/messages';
import type { TargetFilters } from '../../targets';

export const DIMENSION_LABELS: Record<string, MessageKey> = {
  channel: 'filter.channel',
  category: 'filter.category',
  region: 'filter.region',
  device: 'filter.device',
  campaign: 'filter.campaign',
  currency: 'filter.currency',
  role: 'filter.role',
  sku: 'filter.sku',
};

/** A target's filters as short phrases, "Channel: email, paid_search". */
export function filterChips(filters: TargetFilters, t: (key: MessageKey) => string): string[] {
  return Object.entries(filters).map(([dimension, values]) => {
    const key = DIMENSION_LABELS[dimension];
    return `${key ? t(key) : dimension}: ${values.join(', ')}`;
  });
}
