import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { boundaries, LAYERS } from '../../eslint.boundaries.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/lint', name);

/** Lints a fixture tree with the very rules `npm run lint` applies to src/; "file rule line" per problem. */
async function problems(name: string): Promise<string[]> {
  const cwd = fixture(name);
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [boundaries(path.join(cwd, 'src'), ['src/**/*.{ts,tsx}'])],
  });
  const results = await eslint.lintFiles(['src']);
  return results
    .flatMap((r) => r.messages.map((m) => `${path.relative(cwd, r.filePath)} ${m.ruleId ?? 'fatal'} ${m.line}`))
    .sort();
}

describe('import boundaries (lint)', () => {
  it('fails a deliberate cycle, features → app, a feature into another and the other wrong directions', async () => {
    expect(await problems('violations')).toEqual([
      'src/components/ui/Badge.tsx import-x/no-restricted-paths 2',
      'src/engine/engine.ts import-x/no-restricted-paths 2',
      'src/features/goals/GoalsPage.tsx import-x/no-restricted-paths 2',
      'src/features/sales/SalesPage.tsx import-x/no-restricted-paths 2',
      'src/metrics/kpis.ts import-x/no-cycle 2',
      'src/metrics/label.ts import-x/no-restricted-paths 2',
      'src/metrics/periods.ts import-x/no-cycle 1',
    ]);
  });

  it('says which way imports may go', async () => {
    const cwd = fixture('violations');
    const eslint = new ESLint({
      cwd,
      overrideConfigFile: true,
      overrideConfig: [boundaries(path.join(cwd, 'src'), ['src/**/*.{ts,tsx}'])],
    });
    const [result] = await eslint.lintFiles(['src/features/sales/SalesPage.tsx']);
    expect(result?.messages.map((m) => m.message)).toEqual([
      expect.stringMatching(/"\.\.\/\.\.\/app\/Shell".*never app\/ or another feature/),
    ]);
  });

  it('passes a tree whose imports all flow one way, type-only imports back included', async () => {
    expect(await problems('clean')).toEqual([]);
  });

  it('gives every folder of src/ a place in the layers', () => {
    const folders = fs
      .readdirSync(path.join(root, 'src'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(folders).toEqual(Object.keys(LAYERS).sort());
  });
});
