// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules over the project's own code.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', 'src/app/(payload)/admin/importMap.js', 'payload-types.ts', 'migrations/', 'data/', 'test-results/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `any` is on its way out as the code moves to the generated types (payload-types.ts): shown, not yet refused.
      '@typescript-eslint/no-explicit-any': 'warn',
      // An underscore marks a binding kept on purpose: a field left out by destructuring, an unused handler argument.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // The security filters match control characters on purpose (NUL in paths, file names, queries).
      'no-control-regex': 'off',
    },
  },
  {
    // Theme scripts run in the visitor's browser.
    files: ['themes/**/*.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', navigator: 'readonly', HTMLElement: 'readonly' } },
  },
)
