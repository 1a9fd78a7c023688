import { describe, expect, it } from 'vitest';
import { parseTargetsFile, parseTargetsText, serializeTargetsFile, type Target } from '../../../src/targets/schema';

/** The example of METRICS.md "Targets", with phasing custom so its milestones pace it. */
const specExample = {
  version: 1,
  targets: [
    {
      id: 'gmv-2026',
      metric: 'gmv',
      period: { from: '2026-01-01', to: '2026-12-31' },
      filters: { channel: ['paid_search'] },
      ladder: { floor: 9_000_000, target: 10_000_000, stretch: 12_000_000 },
      phasing: 'seasonal',
      milestones: [{ to: '2026-03-31', target: 2_100_000 }],
      owner: 'Growth',
      why: 'Win share in paid search',
    },
  ],
};

function withTarget(overrides: Record<string, unknown>): unknown {
  return { version: 1, targets: [{ ...specExample.targets[0], ...overrides }] };
}

function errorsOf(json: unknown) {
  const result = parseTargetsFile(json);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

describe('a valid file', () => {
  it('reads the example of METRICS.md', () => {
    const result = parseTargetsFile(specExample);
    expect(result).toEqual({
      ok: true,
      file: {
        version: 1,
        targets: [
          {
            id: 'gmv-2026',
            metric: 'gmv',
            period: { from: '2026-01-01', to: '2026-12-31' },
            filters: { channel: ['paid_search'] },
            ladder: { floor: 9_000_000, target: 10_000_000, stretch: 12_000_000 },
            phasing: 'seasonal',
            milestones: [{ to: '2026-03-31', target: 2_100_000 }],
            owner: 'Growth',
            why: 'Win share in paid search',
          },
        ],
      },
    });
  });

  it('fills in what may be left out: no filters, no milestones, linear phasing', () => {
    const result = parseTargetsFile({
      version: 1,
      targets: [
        { id: 'o', metric: 'orders', period: { from: '2026-01-01', to: '2026-01-31' }, ladder: { target: 100 } },
      ],
    });
    expect(result.ok && result.file.targets[0]).toEqual({
      id: 'o',
      metric: 'orders',
      period: { from: '2026-01-01', to: '2026-01-31' },
      filters: {},
      ladder: { target: 100 },
      phasing: 'linear',
      milestones: [],
    });
  });

  it('reads check-in targets and custom milestones that sum to the target', () => {
    const result = parseTargetsFile({
      version: 1,
      targets: [
        {
          id: 'mentions',
          metric: 'brand_mentions',
          period: { from: '2026-01-01', to: '2026-06-30' },
          ladder: { target: 3_000 },
          phasing: 'custom',
          // 1 000 + 2 000 = 3 000 = ladder.target
          milestones: [
            { to: '2026-03-31', target: 1_000 },
            { to: '2026-06-30', target: 2_000 },
          ],
          checkin: {
            label: 'Brand mentions',
            unit: 'mentions',
            aggregation: 'sum',
            direction: 'higher_is_better',
            entries: [
              { period: { from: '2026-02-01', to: '2026-02-28' }, value: 300 },
              { period: { from: '2026-01-01', to: '2026-01-31' }, value: 250 },
            ],
          },
        },
      ],
    });
    expect(result.ok).toBe(true);
    // entries come back in date order
    expect(result.ok && result.file.targets[0]?.checkin?.entries.map((e) => e.value)).toEqual([250, 300]);
  });

  it('writes what it reads: parse ∘ serialize is the identity', () => {
    const first = parseTargetsFile(specExample);
    if (!first.ok) throw new Error('example should read');
    const text = serializeTargetsFile(first.file);
    expect(JSON.parse(text)).toEqual(specExample);
    expect(parseTargetsText(text)).toEqual(first);
  });
});

describe('a malformed file names the target and the field', () => {
  it.each([
    { name: 'unknown metric', overrides: { metric: 'gvm' }, field: 'metric', message: /unknown metric "gvm"/ },
    {
      name: 'a date that does not exist',
      overrides: { period: { from: '2026-02-30', to: '2026-12-31' } },
      field: 'period.from',
      message: /calendar date/,
    },
    {
      name: 'a date in another format',
      overrides: { period: { from: '2026-01-01', to: '31/12/2026' } },
      field: 'period.to',
      message: /YYYY-MM-DD/,
    },
    {
      name: 'to before from',
      overrides: { period: { from: '2026-12-31', to: '2026-01-01' } },
      field: 'period.to',
      message: /before/,
    },
    {
      name: 'floor above target',
      overrides: { ladder: { floor: 11_000_000, target: 10_000_000 } },
      field: 'ladder.floor',
      message: /above the target/,
    },
    {
      name: 'stretch below target',
      overrides: { ladder: { target: 10_000_000, stretch: 9_000_000 } },
      field: 'ladder.stretch',
      message: /below the target/,
    },
    {
      name: 'target not a number',
      overrides: { ladder: { target: '10M' } },
      field: 'ladder.target',
      message: /number/,
    },
    { name: 'target of 0', overrides: { ladder: { target: 0 } }, field: 'ladder.target', message: /above 0/ },
    {
      name: 'unknown phasing',
      overrides: { phasing: 'monthly' },
      field: 'phasing',
      message: /unknown phasing "monthly"/,
    },
    {
      name: 'milestones out of order',
      overrides: {
        milestones: [
          { to: '2026-06-30', target: 1 },
          { to: '2026-03-31', target: 1 },
        ],
      },
      field: 'milestones[1].to',
      message: /after the previous/,
    },
    {
      name: 'a milestone outside the period',
      overrides: { milestones: [{ to: '2027-01-31', target: 1 }] },
      field: 'milestones[0].to',
      message: /outside the period/,
    },
    {
      name: 'custom milestones not summing to the target',
      // 4 000 000 + 5 000 000 = 9 000 000 ≠ 10 000 000
      overrides: {
        phasing: 'custom',
        milestones: [
          { to: '2026-06-30', target: 4_000_000 },
          { to: '2026-12-31', target: 5_000_000 },
        ],
      },
      field: 'milestones',
      message: /add up to 9000000, but ladder.target is 10000000/,
    },
    {
      name: 'custom milestones ending before the period',
      overrides: { phasing: 'custom', milestones: [{ to: '2026-06-30', target: 10_000_000 }] },
      field: 'milestones[0].to',
      message: /last day 2026-12-31/,
    },
    {
      name: 'custom phasing without milestones',
      overrides: { phasing: 'custom', milestones: undefined },
      field: 'milestones',
      message: /needs milestones/,
    },
    {
      name: 'a filter the metric does not have',
      overrides: { filters: { member_tier: ['gold'] } },
      field: 'filters.member_tier',
      message: /cannot be filtered by member_tier/,
    },
    {
      name: 'an empty filter list',
      overrides: { filters: { channel: [] } },
      field: 'filters.channel',
      message: /one or more/,
    },
    { name: 'owner not text', overrides: { owner: 42 }, field: 'owner', message: /text/ },
  ])('$name', ({ overrides, field, message }) => {
    const errors = errorsOf(withTarget(overrides));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.target).toBe('gmv-2026');
    expect(errors[0]?.field).toBe(field);
    expect(errors[0]?.message).toMatch(message);
  });

  it('reverses the ladder order for a lower-is-better metric', () => {
    // refund_rate: floor 0.04 is below target 0.05, which is the wrong side when lower is better
    const errors = errorsOf(
      withTarget({
        metric: 'refund_rate',
        filters: {},
        milestones: [],
        ladder: { floor: 0.04, target: 0.05, stretch: 0.06 },
      }),
    );
    expect(errors.map((e) => e.field)).toEqual(['ladder.floor', 'ladder.stretch']);
    expect(
      parseTargetsFile(
        withTarget({
          metric: 'refund_rate',
          filters: {},
          milestones: [],
          ladder: { floor: 0.06, target: 0.05, stretch: 0.04 },
        }),
      ).ok,
    ).toBe(true);
  });

  it('refuses a rate written as a percentage', () => {
    const errors = errorsOf(
      withTarget({ metric: 'conversion_rate', filters: {}, milestones: [], ladder: { target: 3.1 } }),
    );
    expect(errors[0]).toMatchObject({
      target: 'gmv-2026',
      field: 'ladder.target',
      message: expect.stringMatching(/fractions/),
    });
  });

  it('does not let milestones of a ratio metric be checked as a sum', () => {
    // Levels 0.02, 0.025, 0.03 do not sum to 0.03, and need not.
    const result = parseTargetsFile(
      withTarget({
        metric: 'conversion_rate',
        filters: {},
        ladder: { target: 0.03 },
        phasing: 'custom',
        milestones: [
          { to: '2026-03-31', target: 0.02 },
          { to: '2026-09-30', target: 0.025 },
          { to: '2026-12-31', target: 0.03 },
        ],
      }),
    );
    expect(result.ok).toBe(true);
  });

  it('names a target without an id by its position', () => {
    const errors = errorsOf({
      version: 1,
      targets: [
        specExample.targets[0],
        { metric: 'gmv', period: { from: '2026-01-01', to: '2026-01-31' }, ladder: { target: 1 } },
      ],
    });
    expect(errors).toEqual([{ field: 'targets[1].id', message: expect.stringMatching(/non-empty text id/) }]);
  });

  it('refuses duplicate ids', () => {
    const errors = errorsOf({ version: 1, targets: [specExample.targets[0], specExample.targets[0]] });
    expect(errors).toEqual([
      { target: 'gmv-2026', field: 'id', message: 'another target already has the id gmv-2026' },
    ]);
  });

  it('reports every problem of every target at once', () => {
    const errors = errorsOf({
      version: 1,
      targets: [
        { ...specExample.targets[0], metric: 'gvm' },
        {
          ...specExample.targets[0],
          id: 'second',
          phasing: 'weekly',
          period: { from: '2026-01-01', to: '2025-01-01' },
        },
      ],
    });
    expect(errors.map((e) => `${e.target}:${e.field}`)).toEqual([
      'gmv-2026:metric',
      'second:period.to',
      'second:phasing',
    ]);
  });

  it('refuses a check-in that reuses a KPI id or has a broken entry', () => {
    const errors = errorsOf(
      withTarget({
        metric: 'gmv',
        filters: {},
        milestones: [],
        checkin: {
          label: 'CSAT',
          unit: 'score',
          aggregation: 'average',
          direction: 'higher_is_better',
          entries: [{ period: { from: '2025-12-01', to: '2025-12-31' }, value: 4 }],
        },
      }),
    );
    expect(errors.map((e) => e.field)).toEqual(['metric', 'checkin.aggregation', 'checkin.entries[0].period']);
  });

  it('refuses overlapping check-in entries', () => {
    const errors = errorsOf(
      withTarget({
        metric: 'csat',
        filters: {},
        milestones: [],
        ladder: { target: 4.5 },
        checkin: {
          label: 'CSAT',
          unit: 'score',
          aggregation: 'level',
          direction: 'higher_is_better',
          entries: [
            { period: { from: '2026-01-01', to: '2026-01-31' }, value: 4 },
            { period: { from: '2026-01-15', to: '2026-02-15' }, value: 4 },
          ],
        },
      }),
    );
    expect(errors).toEqual([
      { target: 'gmv-2026', field: 'checkin.entries', message: expect.stringMatching(/overlaps/) },
    ]);
  });

  it.each([
    { json: 'not json', field: 'file' },
    { json: '{"targets": []}', field: 'version' },
    { json: '{"version": 3, "targets": []}', field: 'version' },
    { json: '{"version": 1, "targets": {}}', field: 'targets' },
    { json: '"a string"', field: 'version' },
  ])('refuses the whole file: $json', ({ json, field }) => {
    const result = parseTargetsText(json);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.field).toBe(field);
  });
});

describe('an older version', () => {
  it('migrates a version 0 bare array to version 1', () => {
    const v0 = [
      {
        id: 'g',
        metric: 'gmv',
        start: '2026-01-01',
        end: '2026-12-31',
        value: 1_000_000,
        floor: 900_000,
        owner: 'Growth',
      },
      { id: 'r', metric: 'refund_rate', start: '2026-01-01', end: '2026-06-30', value: 0.05, phasing: 'seasonal' },
    ];
    const expected: Target[] = [
      {
        id: 'g',
        metric: 'gmv',
        period: { from: '2026-01-01', to: '2026-12-31' },
        filters: {},
        ladder: { floor: 900_000, target: 1_000_000 },
        phasing: 'linear',
        milestones: [],
        owner: 'Growth',
      },
      {
        id: 'r',
        metric: 'refund_rate',
        period: { from: '2026-01-01', to: '2026-06-30' },
        filters: {},
        ladder: { target: 0.05 },
        phasing: 'seasonal',
        milestones: [],
      },
    ];
    expect(parseTargetsFile(v0)).toEqual({ ok: true, file: { version: 1, targets: expected } });
    expect(parseTargetsFile({ version: 0, targets: v0 })).toEqual({
      ok: true,
      file: { version: 1, targets: expected },
    });
  });

  it('reports a broken version 0 target in the current field names', () => {
    const errors = errorsOf([{ id: 'g', metric: 'gmv', start: '2026-12-31', end: '2026-01-01', value: 1 }]);
    expect(errors).toEqual([{ target: 'g', field: 'period.to', message: expect.stringMatching(/before/) }]);
  });
});
