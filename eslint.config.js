import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', 'data/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs', 'bench/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // With noUncheckedIndexedAccess, `!` after a checked lookup is clearer than a dead branch.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Spreading a string into code points is what the Hangul matching wants.
      '@typescript-eslint/no-misused-spread': 'off',
    },
  },
  {
    // The answer engine is pure: no I/O, no platform or vendor SDKs.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'discord.js',
            'openai',
            'keyv',
            '@keyv/*',
            'dotenv',
            'node:fs*',
            'fs',
            '**/adapters/**',
            '**/answering/**',
            '**/app/**',
            '**/bin/**',
            '**/briefing/**',
            '**/commands/**',
            '**/http/**',
            '**/llm/**',
            '**/metrics/**',
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process'],
      'no-console': 'error',
    },
  },
  {
    // Inner layers never reach outward: no front end, wiring, HTTP or metrics library in them.
    files: [
      'src/knowledge/**/*.ts',
      'src/llm/**/*.ts',
      'src/briefing/**/*.ts',
      'src/config/**/*.ts',
      'src/shared/**/*.ts',
      'src/answering/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/adapters/**',
            '**/app/**',
            '**/bin/**',
            '**/http/**',
            '**/metrics/**',
            '**/commands/**',
            'discord.js',
            'fastify',
            'prom-client',
          ],
        },
      ],
    },
  },
  {
    // Commands are definitions and handlers over the answer path: the Discord adapter loads them,
    // never the other way round (no import loop between commands/ and src/adapters/).
    files: ['commands/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/adapters/**', '**/app/**', '**/bin/**', '**/http/**', '**/metrics/**'],
              message:
                'commands/ sits inside the Discord adapter: take what you need through CommandContext.',
            },
            {
              group: ['openai', 'keyv', '@keyv/*', 'dotenv', 'fastify', 'prom-client'],
              message: 'commands/ reach storage and vendors only through the adapter.',
            },
          ],
        },
      ],
    },
  },
  {
    // Rooms a newcomer can read: no file over 400 lines, no function over 100, in every layer,
    // the commands and the test support (the Discord and OpenAI stand-ins).
    files: ['src/**/*.ts', 'commands/**/*.ts', 'test/support/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 100, skipBlankLines: false, skipComments: false }],
    },
  },
  { files: ['*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['scripts/*.mjs', 'bench/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
