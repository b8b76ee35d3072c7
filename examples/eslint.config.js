// Lints the bundled example servers with the plugin's recommended config, as a user would.
import tsParser from '@typescript-eslint/parser';
import eventLoop from 'eslint-plugin-event-loop';

export default [
  {
    files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
    languageOptions: { parser: tsParser },
  },
  // A CommonJS project: its .js files are scripts, not ES modules.
  { files: ['express-cjs/**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  eventLoop.configs.recommended,
];
