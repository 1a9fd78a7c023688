import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { literal } from '../../../src/engine/sql';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { channelSql } from '../../../src/ingest/channels';
import { statusSql } from '../../../src/ingest/statuses';
import type { DateOrder, DecimalStyle } from '../../../src/ingest/types';
import { cleanTextSql, moneySql, numberSql, timestampSql } from '../../../src/ingest/values-sql';

// Every value format of DATA.md "Values", table-driven, through the SQL the importer runs.

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
});
afterAll(async () => {
  await engine.close();
});

async function evaluate(expr: (x: string) => string, input: string | null, cast = ''): Promise<unknown> {
  const [row] = await engine.query(`SELECT (${expr('x')})${cast} AS v FROM (SELECT ${literal(input)}::VARCHAR AS x)`);
  return row?.['v'];
}

describe('money', () => {
  it.each<[string, DecimalStyle, number | null]>([
    ['1234.5', 'dot', 1234.5],
    ['1,234.50', 'dot', 1234.5],
    ['$1,234.50', 'dot', 1234.5],
    ['¥1,234.50', 'dot', 1234.5],
    ['￥88.00', 'dot', 88],
    ['1.234,50 €', 'comma', 1234.5],
    ['1 234,50', 'comma', 1234.5],
    ["1'234.50", 'dot', 1234.5],
    ['(12.00)', 'dot', -12],
    ['-12.50', 'dot', -12.5],
    ['12.50-', 'dot', -12.5],
    ['USD 99.90', 'dot', 99.9],
    ['99.90 CNY', 'dot', 99.9],
    ['12,5', 'comma', 12.5],
    ['0', 'dot', 0],
    ['.5', 'dot', 0.5],
    ['abc', 'dot', null],
    ['12abc', 'dot', null],
    ['N/A', 'dot', null],
    ['1.2.3', 'dot', null],
    ['1,23,456.00', 'dot', 123456],
    ['1.234.567,89', 'comma', 1234567.89],
    // Issue 19, item 2: a value written in the other style is not read as another number.
    ['1.234,50', 'dot', null],
    ['1.234,50 €', 'dot', null],
    ['12,50', 'dot', null],
    ['1,234.50', 'comma', null],
    ['12.5', 'comma', null],
  ])('%s read with a decimal %s is %s', async (input, style, expected) => {
    // DECIMAL(18,4) cast to DOUBLE in SQL so the comparison is exact.
    expect(await evaluate((x) => moneySql(x, style), input, '::DOUBLE')).toBe(expected);
  });

  it.each<[string, DecimalStyle, number]>([
    ['1,234', 'dot', 1234],
    ['1.234', 'comma', 1234],
    ['12', 'dot', 12],
    ['3.5', 'dot', 3.5],
  ])('count %s with a decimal %s is %s', async (input, style, expected) => {
    expect(await evaluate((x) => numberSql(x, style), input)).toBe(expected);
  });
});

describe('dates and times', () => {
  it.each<[string, DateOrder, string | null]>([
    ['2025-10-07', 'dmy', '2025-10-07T00:00:00'],
    ['2025-10-07 09:50:26', 'dmy', '2025-10-07T09:50:26'],
    ['2025-10-07T09:50:26.123', 'dmy', '2025-10-07T09:50:26.123'],
    ['2025-10-07T09:50:26Z', 'dmy', '2025-10-07T09:50:26'],
    // Shopify: the wall clock as written is kept, the offset dropped.
    ['2025-10-07 09:50:26 +0200', 'dmy', '2025-10-07T09:50:26'],
    ['2025-10-07T23:30:00-08:00', 'dmy', '2025-10-07T23:30:00'],
    ['2025-10-07 23:30 +05', 'dmy', '2025-10-07T23:30:00'],
    ['2025/10/07 09:50', 'dmy', '2025-10-07T09:50:00'],
    ['2025/1/7', 'dmy', '2025-01-07T00:00:00'],
    ['2025.10.07', 'dmy', '2025-10-07T00:00:00'],
    ['20251007', 'dmy', '2025-10-07T00:00:00'],
    ['2025年10月7日', 'dmy', '2025-10-07T00:00:00'],
    // Excel serials: 45658 is 2025-01-01, so 2025-10-07 (day 280) is 45658 + 279 = 45937.
    ['45937', 'dmy', '2025-10-07T00:00:00'],
    ['45937.5', 'dmy', '2025-10-07T12:00:00'],
    ['07/10/2025', 'dmy', '2025-10-07T00:00:00'],
    ['10/07/2025', 'mdy', '2025-10-07T00:00:00'],
    ['7.10.2025 18:05', 'dmy', '2025-10-07T18:05:00'],
    ['7-10-2025', 'dmy', '2025-10-07T00:00:00'],
    ['13/13/2025', 'dmy', null],
    ['2025-02-30', 'dmy', null],
    ['not a date', 'dmy', null],
    ['2025-10-07 junk', 'dmy', null],
  ])('%s (%s) is %s', async (input, order, expected) => {
    expect(await evaluate((x) => timestampSql(x, order), input)).toBe(expected);
  });
});

describe('text', () => {
  it.each<[string | null, string | null]>([
    ['plain', 'plain'],
    ['  padded\t', 'padded'],
    ['', null],
    ['   ', null],
    ['="2875012345678901"', '2875012345678901'],
    ['  ="007" ', '007'],
    ['\u00a0no-break\u3000', 'no-break'],
    ['=SUM(A1)', '=SUM(A1)'],
    [null, null],
  ])('%j is cleaned to %j', async (input, expected) => {
    expect(await evaluate(cleanTextSql, input)).toBe(expected);
  });
});

describe('statuses', () => {
  it.each<[string, string | null]>([
    ['paid', 'paid'],
    ['Completed', 'paid'],
    ['partially refunded', 'partially_refunded'],
    ['Partially-Refunded', 'partially_refunded'],
    ['refunded', 'refunded'],
    ['pending', 'pending'],
    ['on-hold', 'pending'],
    ['cancelled', 'cancelled'],
    ['Canceled', 'cancelled'],
    ['voided', 'cancelled'],
    ['交易成功', 'paid'],
    ['交易关闭', 'cancelled'],
    ['等待买家付款', 'pending'],
    ['shipped-ish', null],
  ])('%s is %s', async (input, expected) => {
    expect(await evaluate(statusSql, input)).toBe(expected);
  });
});

describe('channels', () => {
  it.each<[string | null, string]>([
    ['Organic Search', 'organic_search'],
    ['Paid Search', 'paid_search'],
    ['google / cpc', 'paid_search'],
    ['google / organic', 'organic_search'],
    ['newsletter / email', 'email'],
    ['Organic Social', 'organic_social'],
    ['Paid Social', 'paid_social'],
    ['Email', 'email'],
    ['(direct)', 'direct'],
    ['Direct', 'direct'],
    ['Referral', 'referral'],
    ['Affiliates', 'affiliate'],
    ['Display', 'display'],
    ['Organic Shopping', 'organic_search'],
    ['Paid Shopping', 'paid_search'],
    ['Unassigned', 'unattributed'],
    ['手淘搜索', 'organic_search'],
    ['直通车', 'paid_search'],
    ['淘宝客', 'affiliate'],
    ['钻展', 'display'],
    ['我的淘宝', 'direct'],
    ['typein', 'direct'],
    ['tiktok shop', 'other'],
    [null, 'unattributed'],
  ])('%s is %s', async (input, expected) => {
    expect(await evaluate(channelSql, input)).toBe(expected);
  });
});
