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
            '../adapters/*',
            '../llm/*',
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
    // Rooms a newcomer can read: short files and short functions in the engine, the knowledge
    // loader and the phrasing layer.
    files: ['src/core/**/*.ts', 'src/knowledge/**/*.ts', 'src/llm/**/*.ts'],
    rules: {
      'max-lines': ['error', 400],
      'max-lines-per-function': ['error', 100],
    },
  },
  { files: ['*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['scripts/*.mjs', 'bench/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
