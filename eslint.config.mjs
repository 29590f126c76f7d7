// Lint: typescript-eslint's recommended rules, and the boundary that keeps src/ channel-free.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const channelSdks = [
  'botbuilder',
  'botbuilder-*',
  'botframework-*',
  'grammy',
  '@grammyjs/*',
  'restify',
  'restify-*',
  '@microsoft/teams-js',
  '@microsoft/agents-*',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'src/generated/', 'data/', 'coverage/', 'bench/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: channelSdks,
              message: 'src/ is the channel-independent core: channel SDKs belong in bots/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Prettier wraps code at 160 columns but leaves long strings whole; none may reach 200.
    files: ['**/*.ts', '**/*.mjs'],
    rules: { 'max-len': ['error', { code: 199, ignoreUrls: true, ignoreRegExpLiterals: true }] },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', WebAssembly: 'readonly', globalThis: 'readonly' } },
  },
);
