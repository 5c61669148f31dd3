import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      '.headroom',
      'bench/results.json',
      'test/artifacts',
      'examples/demo',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // The Salesforce component bundles and the local renderer's stand-ins: browser JavaScript with
  // LWC decorators (typescript-eslint's parser reads them); the bundles' Jest tests run under
  // jsdom. Globals listed by hand: only what they use.
  {
    files: ['connectors/salesforce/metadata/**/lwc/**/*.js', 'test/lwc/render/modules/**/*.js'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', CustomEvent: 'readonly' },
    },
  },
  {
    files: ['connectors/salesforce/metadata/**/lwc/**/__tests__/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        ['jest', 'describe', 'it', 'expect', 'beforeEach', 'afterEach'].map((g) => [g, 'readonly']),
      ),
    },
  },
  {
    files: ['connectors/salesforce/metadata/jest.config.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
