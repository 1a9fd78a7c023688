import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { boundaries } from './eslint.boundaries.js';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'tests/artifacts', 'coverage', 'tests/fixtures/lint'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Wrap each library once: DuckDB only in engine/, recharts and d3 only in components/charts/.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@duckdb/*'], message: 'Only src/engine talks to DuckDB.' }] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/components/charts/**', 'src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@duckdb/*'], message: 'Only src/engine talks to DuckDB.' },
            { group: ['recharts', 'd3-*'], message: 'Charts live in src/components/charts.' },
          ],
        },
      ],
    },
  },
  {
    // The metric, import, target and CLI code runs on Node too: no React there.
    files: ['src/{ingest,metrics,targets,cli,model,lib}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@duckdb/*'], message: 'Only src/engine talks to DuckDB.' },
            { group: ['react', 'react-dom', '@tanstack/*', 'zustand'], message: 'Keep this module free of UI code.' },
            { group: ['recharts', 'd3-*'], message: 'Charts live in src/components/charts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom'], message: 'No UI in the engine.' }] }] },
  },
  // One-way imports between the folders of src/, and no import cycles.
  boundaries(path.join(import.meta.dirname, 'src'), ['src/**/*.{ts,tsx}']),
);
