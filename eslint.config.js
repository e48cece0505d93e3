// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The core's import rule: no client, store, logger or I/O, and no relative path out of src/core. */
function corePurity(/** @type {string[]} */ outside) {
  return {
    paths: ['discord.js', 'keyv', '@keyv/sqlite', 'pino'].map((name) => ({
      name,
      message: 'src/core is pure: pass what it needs in from an adapter.',
    })),
    patterns: [
      { group: ['node:*', 'fs', 'path', 'process'], message: 'src/core does no I/O.' },
      { group: outside, message: 'src/core is pure: it imports only from src/core.' },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // The core is pure: no Discord client, no I/O, no environment.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', corePurity(['../*'])],
      'no-restricted-globals': ['error', 'process'],
    },
  },
  {
    // One level down (src/core/render), `../` is still the core; two levels up is not.
    files: ['src/core/*/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', corePurity(['../../*'])] },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
