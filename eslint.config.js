import tseslint from 'typescript-eslint';
import { globalsRules, layerRules } from './eslint/architecture.js';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'src/clients/alpaca/generated/**',
      'test-results/**',
      'playwright-report/**',
      // Each fixture breaks one architecture rule on purpose; tests/lint-rules.test.ts lints them.
      'tests/lint-fixtures/**',
    ],
  },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }] },
  },
  layerRules,
  ...globalsRules,
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  { files: ['eslint.config.js', 'eslint/**/*.js'], ...tseslint.configs.disableTypeChecked },
);
