// Lint rules, including the one-way import rule of DESIGN.md:
// inbox-server → bots → (nlp, db); db/domain and nlp import nothing of ours.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const ours = (names) => ({
  regex: `^(\\.\\./)+(${names.join('|')})(/|$)`,
  message: `Imports run one way (DESIGN.md): this folder may not import ${names.join(', ')}.`,
});

function boundary(files, names, extra = []) {
  return {
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [ours(names), ...extra] }] },
  };
}

module.exports = tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'test-output/**', 'inbox-ui/dist/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Tests read arbitrary JSON answers; typing every response body would add noise, not safety.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  boundary(['nlp/**/*.ts'], ['db', 'bots', 'inbox-server', 'inbox-ui']),
  boundary(['db/**/*.ts'], ['nlp', 'bots', 'inbox-server', 'inbox-ui']),
  boundary(['db/domain/**/*.ts'], ['nlp', 'bots', 'inbox-server', 'inbox-ui'], [
    { regex: '^\\.\\./(?!domain/)', message: 'db/domain is browser-safe: it imports nothing else of ours.' },
  ]),
  boundary(['bots/**/*.ts'], ['inbox-server', 'inbox-ui']),
  boundary(['inbox-server/**/*.ts'], ['inbox-ui']),
);
