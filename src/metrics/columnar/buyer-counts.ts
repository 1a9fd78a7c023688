import { PAID_FLAG, type OrderColumns } from './store';

/**
 * Distinct buyers of any span of days without visiting its orders (no filter). With each paid
 * order's previous and second-previous paid days (in one fixed order of the customer's orders):
 * - buyers of [a, b]: the orders of the span whose previous paid order is before a (each
 *   customer's first in the span);
 * - repeat buyers: the orders whose second-previous is before a (each customer's first and
 *   second in the span), less the buyers;
 * - new buyers (first paid order on or after a): the span's first-ever paid orders;
 * - returning customers' orders and GMV: the orders whose customer first paid before a.
 * "How many rows of an index range hold a value below a" is answered from counts kept per block
 * of rows, plus a scan of at most one block at each end.
 */
export interface BuyerCounts {
  firstDay: number;
  /** Value slots: 0 for "no such order", 1 + day - firstDay for a day, the last for unpaid rows. */
  width: number;
  previous: BlockCounts;
  secondPrevious: BlockCounts;
  /** firstEver[p]: first-ever paid orders among rows before p. */
  firstEver: Int32Array;
  /** The slot of each paid order's customer's first paid day, with the orders' GMV summed the same way: new vs returning. */
  firstPaid: BlockCounts;
  firstPaidGmv: BlockCounts;
}

interface BlockCounts {
  /** Each row's value slot. */
  slot: Uint16Array;
  /** (k * width + t): rows before block k whose slot is below t, or their summed weight. */
  below: Float64Array;
  /** What each row adds (null: 1, a count). */
  weight: Float64Array | null;
}

const BLOCK_BITS = 11;

function blockCounts(slot: Uint16Array, width: number, weight: Float64Array | null = null): BlockCounts {
  const blocks = (slot.length >> BLOCK_BITS) + 1;
  const below = new Float64Array((blocks + 1) * width);
  const histogram = new Float64Array(width);
  for (let k = 0; k <= blocks; k++) {
    let sum = 0;
    for (let t = 0; t < width; t++) {
      below[k * width + t] = sum;
      sum += histogram[t]!;
    }
    const end = Math.min(slot.length, (k + 1) << BLOCK_BITS);
    for (let i = k << BLOCK_BITS; i < end; i++) histogram[slot[i]!]! += weight === null ? 1 : weight[i]!;
  }
  return { slot, below, weight };
}

/** Rows before p whose slot is below t (or their summed weight): exact, the weights being integers. */
function countBelow(c: BlockCounts, width: number, p: number, t: number): number {
  const k = p >> BLOCK_BITS;
  let n = c.below[k * width + t]!;
  for (let i = k << BLOCK_BITS; i < p; i++) if (c.slot[i]! < t) n += c.weight === null ? 1 : c.weight[i]!;
  return n;
}

export function buildBuyerCounts(o: OrderColumns): BuyerCounts | null {
  if (o.rows === 0) return null;
  const firstDay = o.day[0]!;
  const width = o.day[o.rows - 1]! - firstDay + 3;
  if (width > 0xffff) return null;
  const unpaid = width - 1;
  const previous = new Uint16Array(o.rows);
  const secondPrevious = new Uint16Array(o.rows);
  const firstEver = new Int32Array(o.rows + 1);
  const firstPaid = new Uint16Array(o.rows);
  // Slots of each customer's last two paid orders so far (0: none).
  const last = new Uint16Array(o.customers);
  const beforeLast = new Uint16Array(o.customers);
  for (let i = 0; i < o.rows; i++) {
    firstEver[i + 1] = firstEver[i]!;
    if ((o.flags[i]! & PAID_FLAG) === 0) {
      previous[i] = unpaid;
      secondPrevious[i] = unpaid;
      firstPaid[i] = unpaid;
      continue;
    }
    const c = o.cid[i]!;
    firstPaid[i] = 1 + o.firstPaid[i]! - firstDay;
    previous[i] = last[c]!;
    secondPrevious[i] = beforeLast[c]!;
    if (last[c] === 0) firstEver[i + 1]! += 1;
    beforeLast[c] = last[c]!;
    last[c] = 1 + o.day[i]! - firstDay;
  }
  return {
    firstDay,
    width,
    previous: blockCounts(previous, width),
    secondPrevious: blockCounts(secondPrevious, width),
    firstEver,
    firstPaid: blockCounts(firstPaid, width),
    firstPaidGmv: blockCounts(firstPaid, width, o.values.order_total!),
  };
}

/** The day of the paid order before row i's (in the store's order of each customer's orders), or null when there is none. */
export function previousPaidDay(counts: BuyerCounts, i: number): number | null {
  const slot = counts.previous.slot[i]!;
  return slot === 0 ? null : slot - 1 + counts.firstDay;
}

/** The slots below which a day is before `day`: 0 (no order) always is, the unpaid slot never. */
const slotsBefore = (counts: BuyerCounts, day: number) => Math.max(1, Math.min(counts.width - 1, day - counts.firstDay + 1));

/** Buyers, new buyers and repeat buyers of the orders in rows [lo, hi), which are the days from `from` on. */
export function countBuyers(counts: BuyerCounts, lo: number, hi: number, from: number): { buyers: number; fresh: number; repeat: number } {
  const { width } = counts;
  const t = slotsBefore(counts, from);
  const buyers = countBelow(counts.previous, width, hi, t) - countBelow(counts.previous, width, lo, t);
  const firstTwo = countBelow(counts.secondPrevious, width, hi, t) - countBelow(counts.secondPrevious, width, lo, t);
  return { buyers, fresh: counts.firstEver[hi]! - counts.firstEver[lo]!, repeat: firstTwo - buyers };
}

/** Paid orders of rows [lo, hi) whose customer's first paid day is before `cut`, and their GMV (ten-thousandths). */
export function returningOrders(counts: BuyerCounts, lo: number, hi: number, cut: number): { orders: number; gmv: number } {
  const { width, firstPaid, firstPaidGmv } = counts;
  const t = slotsBefore(counts, cut);
  return {
    orders: countBelow(firstPaid, width, hi, t) - countBelow(firstPaid, width, lo, t),
    gmv: countBelow(firstPaidGmv, width, hi, t) - countBelow(firstPaidGmv, width, lo, t),
  };
}
