// Which folder of src/ may import which: imports flow one way (README "How it is built").
// Kept apart from eslint.config.js so tests/unit/lint-boundaries.test.ts runs these very rules
// on a fixture tree.
import fs from 'node:fs';
import path from 'node:path';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Each folder of src/ and the folders it may import besides itself. Anything else of ours is refused. */
export const LAYERS = {
  engine: [],
  lib: [],
  i18n: ['lib', 'stores'],
  model: ['engine', 'lib'],
  ingest: ['engine', 'lib', 'model'],
  metrics: ['engine', 'lib', 'model', 'ingest'],
  targets: ['engine', 'lib', 'model', 'metrics'],
  cli: ['engine', 'lib', 'model', 'ingest', 'metrics', 'targets'],
  stores: ['lib', 'model', 'ingest', 'metrics', 'targets'],
  dataset: ['engine', 'lib', 'model', 'ingest', 'metrics', 'targets', 'stores'],
  components: ['engine', 'lib', 'i18n', 'model', 'ingest', 'metrics', 'targets', 'stores', 'dataset'],
  // Each feature may also import its own folder, never app/ nor another feature.
  features: ['engine', 'lib', 'i18n', 'model', 'ingest', 'metrics', 'targets', 'stores', 'dataset', 'components'],
  app: [
    'engine',
    'lib',
    'i18n',
    'model',
    'ingest',
    'metrics',
    'targets',
    'stores',
    'dataset',
    'components',
    'features',
  ],
};

const subfolders = (dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
    : [];

function zones(srcDir) {
  const zone = (folder, allowed, message) => ({
    target: `./${folder}`,
    from: '.',
    except: [`./${folder}`, ...allowed.map((l) => `./${l}`)],
    message,
  });
  const listed = (allowed) => (allowed.length ? allowed.join(', ') : 'nothing of ours');
  const result = Object.entries(LAYERS)
    .filter(([layer]) => layer !== 'features')
    .map(([layer, allowed]) =>
      zone(layer, allowed, `src/${layer} may import only ${listed(allowed)} (README "How it is built").`),
    );
  for (const feature of subfolders(path.join(srcDir, 'features'))) {
    result.push(
      zone(
        `features/${feature}`,
        LAYERS.features,
        `A feature imports ${listed(LAYERS.features)}; never app/ or another feature: move shared parts down to components/, dataset/ or metrics/.`,
      ),
    );
  }
  return result;
}

/**
 * A flat-config entry enforcing the import rules on the tree under srcDir (an absolute path);
 * `files` are globs relative to the config's base folder.
 */
export function boundaries(srcDir, files) {
  return {
    files,
    languageOptions: { parser: tseslint.parser },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      // `import type` is erased from the build (verbatimModuleSyntax), so only value imports make a cycle.
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { basePath: srcDir, zones: zones(srcDir) }],
    },
  };
}
