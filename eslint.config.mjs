// ESLint flat config: typescript-eslint's recommended rules, React's rules of hooks on the screens, plus the
// architecture's one hard rule: the domain core never imports Forge packages or Node I/O. Layout is Prettier's
// (eslint-config-prettier turns off the rules it owns; `npm run format:check` checks it).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  // assembly/ is AssemblyScript (its i32/usize types and load/store builtins are not TypeScript's), compiled by its
  // own compiler (scripts/build-cli.mjs); tsconfig.json and knip.json do not take it in either.
  {
    ignores: ['node_modules/**', '**/build/**', 'coverage/**', '.sandbox-data/**', 'jest.config.js', 'assembly/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['static/**/*.tsx', 'static/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@forge/*'], message: 'The domain core never imports Forge packages (DESIGN.md section 2).' },
            {
              group: ['fs', 'node:*', 'http', 'https', 'net', 'child_process', '../jira/*', '../store/*', '../entry/*'],
              message: 'The domain core does no I/O.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The clock is a parameter in the domain core.' },
      ],
    },
  },
  prettier,
);
