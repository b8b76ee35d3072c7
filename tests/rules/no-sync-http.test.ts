import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-sync-http.js';
import childProcessRule from '../../rules/no-sync-child-process.js';
import { apiName, blockingApis } from '../../src/catalog/index.js';
import { express, expressCjs, reportedMessages, runRuleTests } from './helpers.js';

const COST = 'blocks the event loop in this Express route handler: every other request waits until it returns.';
const FETCH = '`await fetch(url)` (global in Node 18+)';

/** Reported at `code` on the handler's line (5), columns of `call` within the body. */
const at = (imports: string, body: string, call: string, { cjs = false } = {}) => {
  const column = 3 + body.indexOf(call);
  return {
    code: cjs ? expressCjs(imports, body) : express(imports, body),
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

runRuleTests('no-sync-http', rule, {
  valid: [
    // The async forms.
    express(``, `const response = await fetch(url); res.json(await response.json());`),
    express(`import request from 'then-request';`, `const response = await request('GET', url);`),
    // A deasync'd function used outside handlers, and deasync's sleep/loop helpers (no-busy-wait's).
    `import deasync from 'deasync'; const get = deasync(request); export const config = get(url);`,
    express(`import deasync from 'deasync';`, `deasync.loopWhile(() => !done); deasync.sleep(10);`),
    // `deasync(fn)` itself does not block; a `let` may be replaced, so it is not followed.
    express(`import deasync from 'deasync';`, `const get = deasync(request); let other = deasync(request); other = fn; other(url);`),
    // Asynchronous XMLHttpRequest (the default), and an unknown third argument.
    express(`import { XMLHttpRequest } from 'xmlhttprequest';`, `const xhr = new XMLHttpRequest(); xhr.open('GET', url); xhr.open('GET', url, true); xhr.open('GET', url, isAsync); xhr.send();`),
    // child_process calls that are not HTTP clients, or whose command the rule cannot read.
    express(`import { execSync, execFileSync } from 'node:child_process';`, `execSync('git rev-parse HEAD'); execSync(command); execFileSync('curlew', ['x']); execSync(\`curl\${flags}\`);`),
    // Start-up code.
    `import request from 'sync-request'; export const settings = request('GET', configUrl).getBody('utf8');`,
    // Look-alikes.
    express(`import fetch from './sync-fetch.js';`, `res.json(fetch(url).json());`),
  ],
  invalid: [
    at(`import request from 'sync-request';`, `const body = request('GET', url).getBody('utf8');`, `request('GET', url)`),
    at(`const request = require('sync-request');`, `const body = request('POST', url, { json: req.body }).getBody();`, `request('POST', url, { json: req.body })`, { cjs: true }),
    at(`const request = require('sync-request').default;`, `request('GET', url);`, `request('GET', url)`, { cjs: true }),
    at(`import fetch from 'sync-fetch';`, `res.json(fetch(url).json());`, `fetch(url)`),
    at(`const fetch = require('sync-fetch');`, `res.json(fetch(url, { headers }).json());`, `fetch(url, { headers })`, { cjs: true }),
    // deasync: calls of the function it made, where the const is visible.
    at(`import deasync from 'deasync';\nconst get = deasync(request);`.replace('\n', ' '), `res.send(get(url));`, `get(url)`),
    at(`const deasync = require('deasync');`, `const get = deasync(lookup); res.send(get(host));`, `get(host)`, { cjs: true }),
    // ... and the function it made, called at once.
    at(`import deasync from 'deasync';`, `res.send(deasync(lookup)(host));`, `deasync(lookup)(host)`),
    // XMLHttpRequest with `async` false.
    at(`import { XMLHttpRequest } from 'xmlhttprequest';`, `const xhr = new XMLHttpRequest(); xhr.open('GET', url, false); xhr.send();`, `xhr.open('GET', url, false)`),
    at(`const { XMLHttpRequest } = require('xmlhttprequest-ssl');`, `const xhr = new XMLHttpRequest(); xhr.open('GET', url, false);`, `xhr.open('GET', url, false)`, { cjs: true }),
    at(`import XHR from 'xhr2';`, `const xhr = new XHR(); xhr.open('POST', url, false);`, `xhr.open('POST', url, false)`),
    // curl and wget through child_process.
    at(`import { execSync } from 'node:child_process';`, `const page = execSync(\`curl -s \${url}\`);`, `execSync(\`curl -s \${url}\`)`),
    at(`import cp from 'child_process';`, `cp.execSync('wget -qO- ' + url);`, `cp.execSync('wget -qO- ' + url)`),
    at(`const { execFileSync } = require('child_process');`, `execFileSync('curl', ['-s', url]);`, `execFileSync('curl', ['-s', url])`, { cjs: true }),
    at(`import { spawnSync } from 'node:child_process';`, `spawnSync('/usr/bin/wget', [url]);`, `spawnSync('/usr/bin/wget', [url])`),
  ],
});

describe('no-sync-http', () => {
  it('has a catalog entry for each package', () => {
    expect(blockingApis.filter((api) => api.family === 'http').map(apiName)).toEqual([
      'sync-request',
      'sync-request.default',
      'sync-fetch',
      'deasync',
      'xmlhttprequest.XMLHttpRequest',
      'xmlhttprequest-ssl.XMLHttpRequest',
      'xhr2',
    ]);
  });

  it('advises fetch', () => {
    expect(
      reportedMessages(
        rule,
        express(
          `import fetch from 'sync-fetch';\nimport { execSync } from 'node:child_process';`,
          `fetch(url); execSync('curl ' + url);`,
        ),
      ),
    ).toEqual([
      `\`sync-fetch()\` ${COST} It runs the request in a child process and waits for it; use ${FETCH}, and await the body too (\`await res.json()\`).`,
      `\`child_process.execSync()\` ${COST} It runs an HTTP client and waits for the download; use ${FETCH} instead.`,
    ]);
  });

  it('leaves curl through child_process to no-sync-child-process as well: both report it', () => {
    const code = express(`import { execSync } from 'node:child_process';`, `execSync('curl ' + url);`);
    expect(reportedMessages(childProcessRule, code)).toHaveLength(1);
    expect(reportedMessages(rule, code)).toHaveLength(1);
  });

  it('reports a deasync function reached through a helper, at the handler call', () => {
    const code = express(
      `import deasync from 'deasync';`,
      `res.send(load(url));`,
    ).concat(`const get = deasync(request);\nfunction load(url) { return get(url); }\n`);
    expect(reportedMessages(rule, code)).toEqual([
      expect.stringMatching(/^`load\(\)` blocks the event loop in this Express route handler: it calls `deasync\(\)` \(file\.ts:8\)/),
    ]);
  });
});
