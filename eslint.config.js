// The plugin's own lint: TypeScript sources and rules, with eslint-plugin-eslint-plugin's checks
// for rule authors. examples/ has its own config (it is what `npm run demo` lints).
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // tests/fixtures/ holds modules the rule tests read from disk, one with a syntax error on purpose.
  { ignores: ['dist/', 'examples/', 'coverage/', 'bench/.cache/', '.scratch/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['rules/**/*.ts', 'src/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
);
