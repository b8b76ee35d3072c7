/** Generated rule-doc headers and the README rule table; `npm run docs:check` fails CI on drift. */
export default {
  ignoreConfig: ['all'],
  configEmoji: [
    ['recommended', '✅'],
    ['recommended-type-checked', '☑️'],
  ],
  ruleDocSectionInclude: ['Rule details', 'Options', 'When not to use it'],
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'requiresTypeChecking'],
  urlConfigs: 'https://github.com/eslint-plugin-event-loop/eslint-plugin-event-loop#configs',
};
