/** no-sync-fs: `require()` of a computed or relative module inside a handler (a synchronous load). */
import { expect, it } from 'vitest';
import rule from '../../rules/no-sync-fs.js';
import { express, expressCjs, reportedMessages, runRuleTests } from './helpers.js';

const at = (body: string, call: string, { cjs = true } = {}) => {
  const column = 3 + body.indexOf(call);
  return {
    code: cjs ? expressCjs(``, body) : express(``, body),
    errors: [
      {
        messageId: 'blockingNoEquivalent' as const,
        line: 5,
        column,
        endLine: 5,
        endColumn: column + call.length,
        suggestions: [],
      },
    ],
  };
};

runRuleTests('no-sync-fs: require() in a handler', rule, {
  valid: [
    // Package names are loaded at start-up already (or cost one cached lookup).
    expressCjs(``, `const _ = require('lodash'); const { join } = require('node:path');`),
    // Module top level and start-up code.
    `const routes = require('./routes'); const locale = require(\`./locales/\${process.env.LANG}\`);`,
    // A local function named require, and the async form.
    expressCjs(`const require = (name) => registry[name];`, `res.json(require(req.params.name));`),
    express(``, `const { default: render } = await import(\`./views/\${req.params.view}.js\`);`),
  ],
  invalid: [
    at(`const messages = require(\`./locales/\${req.query.lang}.json\`);`, `require(\`./locales/\${req.query.lang}.json\`)`),
    at(`const plugin = require(req.params.plugin);`, `require(req.params.plugin)`),
    at(`const config = require('./config.json');`, `require('./config.json')`),
    at(`res.json(require('../package.json').version);`, `require('../package.json')`),
    at(`const view = require(\`./view\`);`, `require(\`./view\`)`, { cjs: false }),
  ],
});

it('names require() and the way out', () => {
  expect(reportedMessages(rule, expressCjs(``, `require('./config.json');`))).toEqual([
    '`require()` blocks the event loop in this Express route handler: every other request waits until it returns. The first load of each module reads and compiles it synchronously; require it at the top of the file, or use `await import()`.',
  ]);
});
