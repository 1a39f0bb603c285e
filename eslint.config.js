// Lint: TypeScript's type-aware rules, and the layers of src/ as import zones (see README, "How it works").
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layers } from './tools/eslint-layers.js';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'demo-output/', 'test-output/', '**/*.d.mts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['tsconfig.json', 'test/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    plugins: { tieline: { rules: { layers } } },
    rules: {
      'tieline/layers': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Tests and tools run in Node, and hand functions to pages (extension pages among them: `chrome`).
    files: ['**/*.mjs', '**/*.js', 'test/**', 'tools/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
  },
  {
    // Plain JavaScript tools and benches have no types to check against: the type-aware rules would
    // only report every value as `any`.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests read browser results (page.evaluate, JSON reports) that are typed `any` by their libraries,
    // and take the harness's closures apart (`const { browser, article } = ctx()`), which hold no `this`.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
