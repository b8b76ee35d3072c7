// The plugin's own lint: TypeScript sources and rules, with eslint-plugin-eslint-plugin's checks
// for rule authors. examples/ and tests/fixtures/ have their own configs (what `npm run demo` and the
// editor test lint).
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
    languageOptions: {
      globals: Object.fromEntries(
        ['console', 'process', 'URL', 'performance', 'setTimeout', 'setInterval', 'clearInterval'].map((name) => [name, 'readonly']),
      ),
    },
  },
);
