// ESLint with typescript-eslint's type-aware rules; Prettier owns the layout (eslint-config-prettier).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs', 'test/support/*.cjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Unused values are dead code; a leading underscore marks a parameter a signature needs.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Every import of a type says so, so the bundle never loads a module for a type.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Fakes and seams implement async interfaces without awaiting anything: that is fine.
      '@typescript-eslint/require-await': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Text from the repository, the PR, the event, a registry or the API reaches the job log through
    // src/log/log.ts alone, which keeps it from becoming a workflow command: core.info writes it
    // as it is, and the runner parses stdout and stderr alike.
    files: ['src/**/*.ts'],
    ignores: ['src/log/log.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        {
          object: 'core',
          property: 'info',
          message: 'Use info() from src/log/log.ts: it keeps quoted text from becoming a workflow command.',
        },
        { object: 'core', property: 'debug', message: 'Use debug() from src/log/log.ts, the one way to the job log.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='@actions/core'] > ImportSpecifier[imported.name=/^(info|debug)$/]",
          message: 'Use info() and debug() from src/log/log.ts.',
        },
        {
          selector: "MemberExpression[object.object.name='process'][object.property.name=/^std(out|err)$/][property.name='write']",
          message:
            'Write through src/log/log.ts (note(), info(), keepStdoutForAnswer()): the runner reads both streams for workflow commands.',
        },
      ],
    },
  },
  {
    // Tests read fixtures and payloads of any shape.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'demo/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
)
