import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-sync-child-process.js';
import { entryCases, itCoversTheFamily, type EntryCase } from './catalog-cases.js';
import {
  express,
  expressCjs,
  itParsesEverySuggestion,
  reportedMessages,
  runRuleTests,
  suggestionDescriptions,
  withAddedImports,
} from './helpers.js';

const PROMISIFY = `import { promisify } from 'util';`;

const entries: EntryCase[] = [
  {
    api: 'child_process.execSync',
    call: `execSync('git status', { encoding: 'utf8' })`,
    awaited: `(await promisify(m.exec)('git status', { encoding: 'utf8' })).stdout`,
    addsImport: PROMISIFY,
  },
  {
    api: 'child_process.execFileSync',
    call: `execFileSync('git', ['status'], { encoding: 'utf8', cwd: repo })`,
    awaited: `(await promisify(m.execFile)('git', ['status'], { encoding: 'utf8', cwd: repo })).stdout`,
    addsImport: PROMISIFY,
  },
  { api: 'child_process.spawnSync', call: `spawnSync('git', ['status'])` },
  { api: 'execa.execaSync', call: `execaSync('git', ['status'])`, awaited: `await m.execa('git', ['status'])` },
  {
    api: 'execa.execaCommandSync',
    call: `execaCommandSync('git status')`,
    awaited: `await m.execaCommand('git status')`,
  },
  { api: 'execa.sync', call: `sync('git', ['status'])` },
  { api: 'execa.commandSync', call: `commandSync('git status')`, awaited: `await m.command('git status')` },
  // Script methods run a tagged template: `await $\`...\`` resolves to the same result.
  { api: 'execa.$.sync', call: '$.sync`git status`', awaited: 'await m.$`git status`' },
  { api: 'execa.$.s', call: '$.s`git status`', awaited: 'await m.$`git status`' },
  { api: 'zx.$.sync', call: '$.sync`git status`', awaited: 'await m.$`git status`' },
  { api: 'zx/core.$.sync', call: '$.sync`git status`', awaited: 'await m.$`git status`' },
  // zx's preset with `sync: true`: the template it tags runs synchronously (no rewrite: it may carry other options).
  { api: 'zx.$', call: '$({ sync: true })`git status`' },
  { api: 'zx/core.$', call: '$({ sync: true, cwd: repo })`git status`' },
  { api: 'cross-spawn.sync', call: `sync('git', ['status'], { stdio: 'inherit' })` },
  { api: 'shelljs.exec', call: `exec('git status', { silent: true })` },
  { api: 'shelljs.cmd', call: `cmd('git', 'status')` },
];

const entryInvalid = entryCases(entries);

/** `body` in a handler of a file that imports child_process as `imports` says. */
const importStyles = [
  {
    name: 'default import',
    code: express(`import cp from 'child_process';`, `const out = cp.execSync('ls').toString();`),
    output: express(`import cp from 'child_process';`, `const out = (await promisify(cp.exec)('ls')).stdout;`).replace(
      `import express from 'express';`,
      `import express from 'express';\n${PROMISIFY}`,
    ),
  },
  {
    name: 'namespace import with node: prefix',
    code: express(`import * as cp from 'node:child_process';`, `const out = cp.execSync('ls').toString();`),
    output: express(`import * as cp from 'node:child_process';`, `const out = (await promisify(cp.exec)('ls')).stdout;`).replace(
      `import express from 'express';`,
      `import express from 'express';\nimport { promisify } from 'node:util';`,
    ),
  },
  {
    name: 'named import with alias',
    code: express(`import { execSync as run } from 'child_process';`, `const out = run('ls').toString();`),
    output: express(`import { execSync as run, exec } from 'child_process';`, `const out = (await promisify(exec)('ls')).stdout;`).replace(
      `import express from 'express';`,
      `import express from 'express';\n${PROMISIFY}`,
    ),
  },
  {
    name: 'require',
    code: expressCjs(`const cp = require('child_process');`, `const out = cp.execSync('ls').toString();`),
    output: expressCjs(`const cp = require('child_process');`, `const out = (await promisify(cp.exec)('ls')).stdout;`).replace(
      `const express = require('express');`,
      `const express = require('express');\nconst { promisify } = require('util');`,
    ),
  },
  {
    name: 'destructured require with node: prefix',
    code: expressCjs(`const { execSync } = require('node:child_process');`, `const out = execSync('ls').toString();`),
    output: expressCjs(`const { execSync } = require('node:child_process');`, `const out = (await promisify(exec)('ls')).stdout;`).replace(
      `const express = require('express');`,
      `const express = require('express');\nconst { promisify } = require('node:util');\nconst { exec } = require('node:child_process');`,
    ),
  },
  {
    name: 'process.getBuiltinModule',
    code: express(``, `const out = process.getBuiltinModule('node:child_process').execSync('ls').toString();`),
    output: express(
      ``,
      `const out = (await promisify(process.getBuiltinModule('node:child_process').exec)('ls')).stdout;`,
    ).replace(`import express from 'express';`, `import express from 'express';\nimport { promisify } from 'node:util';`),
  },
  {
    name: 'getBuiltinModule binding',
    code: express(`const cp = process.getBuiltinModule('child_process');`, `const out = cp.execSync('ls').toString();`),
    output: express(`const cp = process.getBuiltinModule('child_process');`, `const out = (await promisify(cp.exec)('ls')).stdout;`).replace(
      `import express from 'express';`,
      `import express from 'express';\n${PROMISIFY}`,
    ),
  },
];

importStyles.push({
  name: 'TypeScript import-equals, parenthesised object',
  code: express(`import cp = require('child_process');`, `const out = (cp as typeof cp).execSync('ls').toString();`),
  output: withAddedImports(
    express(`import cp = require('child_process');`, `const out = (await promisify((cp as typeof cp).exec)('ls')).stdout;`),
    PROMISIFY,
  ),
});

const styleInvalid = importStyles.map(({ code, output }) => ({
  code,
  errors: [{ messageId: 'blocking' as const, line: 5, suggestions: [{ messageId: 'useAwaited' as const, output }] }],
}));

const cp = `import { execSync, execFileSync } from 'node:child_process';`;
const withImports = (imports: string, body: string) =>
  express(cp, body).replace(`import express from 'express';`, `import express from 'express';\n${imports}`);

const suggestionCases = [
  // The result is not used: no `.stdout` to read.
  {
    code: express(cp, `execSync('make');`),
    output: withImports(`import { promisify } from 'node:util';`, `await promisify(exec)('make');`).replace(
      `{ execSync, execFileSync }`,
      `{ execSync, execFileSync, exec }`,
    ),
  },
  // Already awaited (harmless before): the await is kept and wraps the property read.
  {
    code: express(cp, `const out = await execSync('make', { encoding: 'latin1' });`),
    output: withImports(
      `import { promisify } from 'node:util';`,
      `const out = await (await promisify(exec)('make', { encoding: 'latin1' })).stdout;`,
    ).replace(`{ execSync, execFileSync }`, `{ execSync, execFileSync, exec }`),
  },
  // `.toString('utf8')` is dropped too; the chain after it stays.
  {
    code: express(cp, `res.send(execFileSync('git', ['log']).toString('utf8').trim());`),
    output: withImports(
      `import { promisify } from 'node:util';`,
      `res.send((await promisify(execFile)('git', ['log'])).stdout.trim());`,
    ).replace(`{ execSync, execFileSync }`, `{ execSync, execFileSync, execFile }`),
  },
  // An existing `promisify` import and `execAsync` alias are reused.
  {
    code: express(`${cp}\nimport { promisify } from 'node:util';\nimport { exec } from 'node:child_process';\nconst execAsync = promisify(exec);`, `const out = execSync('ls').toString();`),
    output: express(`${cp}\nimport { promisify } from 'node:util';\nimport { exec } from 'node:child_process';\nconst execAsync = promisify(exec);`, `const out = (await execAsync('ls')).stdout;`),
  },
  // util imported as a namespace.
  {
    code: express(`${cp}\nimport * as util from 'node:util';`, `const out = execSync('ls').toString();`),
    output: express(`${cp.replace('execFileSync', 'execFileSync, exec')}\nimport * as util from 'node:util';`, `const out = (await util.promisify(exec)('ls')).stdout;`),
  },
  // `exec` and `promisify` are taken in the handler's scope: the imports get other local names.
  {
    code: express(cp, `const exec = 'ls', promisify = null; execSync(exec);`),
    output: withImports(
      `import { promisify as promisifyAsync } from 'node:util';`,
      `const exec = 'ls', promisify = null; await promisifyAsync(execAsync)(exec);`,
    ).replace(`{ execSync, execFileSync }`, `{ execSync, execFileSync, exec as execAsync }`),
  },
].map(({ code, output }) => ({
  code,
  errors: [{ messageId: 'blocking' as const, suggestions: [{ messageId: 'useAwaited' as const, output }] }],
}));

/** Tagged templates run their tag: reported at the whole template, rewritten to the awaited tag. */
const execa = `import { execaSync } from 'execa';`;
const taggedTemplates = [
  {
    code: express(execa, 'const { stdout } = execaSync`git status --short`;'),
    errors: [
      {
        messageId: 'blocking' as const,
        line: 5,
        column: 22,
        endColumn: 51,
        suggestions: [
          {
            messageId: 'useAwaited' as const,
            output: express(`import { execaSync, execa } from 'execa';`, 'const { stdout } = await execa`git status --short`;'),
          },
        ],
      },
    ],
  },
  {
    // Its result read in place: the awaited template is parenthesised.
    code: express(`import { $ } from 'zx';`, 'res.send($.sync`git log -1`.stdout);'),
    errors: [
      {
        messageId: 'blocking' as const,
        line: 5,
        column: 12,
        endColumn: 30,
        suggestions: [{ messageId: 'useAwaited' as const, output: express(`import { $ } from 'zx';`, 'res.send((await $`git log -1`).stdout);') }],
      },
    ],
  },
  // Options bound first (`$.sync(options)` returns a method that runs the template): reported at
  // the template, which the awaited form takes with the same options.
  ...[
    ['$.sync({ cwd: repo })`ls`;', 'await $({ cwd: repo })`ls`;', '{ $, execaSync }'],
    ['execaSync({ cwd: repo })`ls`;', 'await execa({ cwd: repo })`ls`;', '{ $, execaSync, execa }'],
  ].map(([body, awaited, names]) => ({
    code: express(`import { $, execaSync } from 'execa';`, body!),
    errors: [
      {
        messageId: 'blocking' as const,
        line: 5,
        column: 3,
        endColumn: body!.length + 2,
        suggestions: [{ messageId: 'useAwaited' as const, output: express(`import ${names} from 'execa';`, awaited!) }],
      },
    ],
  })),
  // zx's preset `$({ sync: true })` held in a const: each template it tags runs synchronously.
  {
    code: express(`import { $ } from 'zx';`, 'const git = $({ sync: true, cwd: repo });\n  res.send(git`git log -1`.stdout + git`git status`.stdout);'),
    errors: [
      { messageId: 'blockingNoEquivalent' as const, line: 6, column: 12, endColumn: 27, suggestions: [] },
      { messageId: 'blockingNoEquivalent' as const, line: 6, column: 37, endColumn: 52, suggestions: [] },
    ],
  },
  // Options the rule cannot see: maybe bound, maybe not. Reported at the call, without a
  // suggestion, since awaiting a bound method would run nothing.
  {
    code: express(execa, 'execaSync(options)`ls`;'),
    errors: [{ messageId: 'blocking' as const, line: 5, column: 3, endColumn: 21, suggestions: [] }],
  },
  // Through a helper of another module (tests/fixtures/follow-calls/lib/git.ts).
  {
    filename: 'tests/fixtures/follow-calls/routes/status.ts',
    code: express(`import { currentRevision } from '../lib/git.js';`, 'res.json({ revision: currentRevision() });'),
    errors: [
      {
        messageId: 'blockingHelper' as const,
        data: {
          callee: 'currentRevision',
          context: 'Express route handler',
          // The helper runs a tagged template: the chain and the fix show it as one.
          chain: '`` zx.$.sync`…` `` (tests/fixtures/follow-calls/lib/git.ts:5)',
          fix: 'Use `` await $`…` `` from `zx` there, and await the helper here.',
        },
        line: 5,
        column: 24,
        endColumn: 41,
      },
    ],
  },
  // Through a helper of the same file.
  {
    code: `${execa}
import express from 'express';
const app = express();
const branch = () => execaSync\`git branch --show-current\`.stdout;
app.get('/x', (req, res) => res.send(branch()));
`,
    errors: [{ messageId: 'blockingHelper' as const, line: 5, column: 38, endColumn: 46 }],
  },
];

const syncHandler = {
  code: express(cp, `res.send(execSync('ls', { encoding: 'utf8' }));`, { sync: true }),
  errors: [
    {
      messageId: 'blocking' as const,
      suggestions: [
        {
          messageId: 'useAwaitedInAsyncHandler' as const,
          output: withImports(`import { promisify } from 'node:util';`, `res.send((await promisify(exec)('ls', { encoding: 'utf8' })).stdout);`)
            .replace(`{ execSync, execFileSync }`, `{ execSync, execFileSync, exec }`),
        },
      ],
    },
  ],
};

/** Reported, but the awaited form would not give the same result or take the same options. */
const withoutSuggestion = [
  `const out = execSync('ls');`, // a Buffer: promisify(exec) would give a string
  `res.send(execSync('ls').toString('base64'));`,
  `const out = execSync('ls', options);`, // cannot see the encoding, `input` or `stdio`
  `execSync('patch', { input: diff });`, // stdin data: exec has no `input`
  `execFileSync('make', ['all'], { stdio: 'inherit' });`,
  `const out = execFileSync('git', args).toString();`, // `args` could be an options object
  `execSync?.('ls');`,
].map((body) => ({ code: express(cp, body), errors: [{ messageId: 'blocking' as const, suggestions: [] }] }));
withoutSuggestion.push({
  code: express(`import * as cp from 'node:child_process';`, `cp.execSync.call(null, 'ls');`),
  errors: [{ messageId: 'blocking' as const, suggestions: [] }],
});

const invalid = [...entryInvalid, ...styleInvalid, ...suggestionCases, ...taggedTemplates, syncHandler, ...withoutSuggestion];

runRuleTests('no-sync-child-process', rule, {
  valid: [
    // Start-up code at the top level.
    `import { execSync } from 'node:child_process'; const commit = execSync('git rev-parse HEAD').toString();`,
    // The async forms.
    express(`import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';`, `const { stdout } = await promisify(exec)('ls');`),
    express(`import { execa } from 'execa';`, `await execa('git', ['status']);`),
    express(`import { $, execa } from 'execa';`, 'await $`git status`; await execa`git status`; await $({ cwd: repo })`ls`;'),
    // Binding options runs nothing; the bound method is not followed.
    express(`import { $, execaSync } from 'execa';`, `const git = execaSync({ cwd: repo }); const sh = $.sync({ stdio: 'inherit' });`),
    // A tag that merely shares the name.
    express(``, 'const $ = { sync: (parts) => parts.join(\'\') }; res.send($.sync`ok`);'),
    // zx presets that stay asynchronous, a sync preset never used as a tag, and one a `let` may have replaced.
    express(`import { $ } from 'zx';`, 'await $({ nothrow: true })`ls`; await $({ sync: false })`ls`; await $(options)`ls`; const quiet = $({ quiet: true }); await quiet`ls`;'),
    express(`import { $ } from 'zx';`, 'const git = $({ sync: true }); res.send(git);'),
    express(`import { $ } from 'zx';`, 'let sh = $({ sync: true }); sh = $; await sh`ls`;'),
    express(`import { spawn } from 'node:child_process';`, `spawn('git', ['status']).on('close', done);`),
    // User functions and methods that merely share the name.
    express(``, `function execSync(command) { return command; } execSync('ls');`),
    express(`import { execSync } from './shell.js';`, `execSync('ls');`),
    express(``, `this.execSync('ls'); req.app.execSync('ls');`),
    // shelljs exec runs asynchronously with `{ async: true }` or a callback; options it cannot see are not guessed.
    express(`import shell from 'shelljs';`, `shell.exec('make', { async: true }); shell.exec('make', done); shell.exec('make', { silent: true }, done); shell.exec('make', options);`),
    // Outside request handlers.
    `import { execSync } from 'node:child_process'; export function build() { execSync('make'); }`,
    { code: express(`import { execSync } from 'node:child_process';`, `execSync('make');`), options: [{ allow: ['execSync'] }] },
    { code: express(`import { execSync } from 'node:child_process';`, `execSync('make');`, { sync: true }), options: [{ scope: 'async-handlers' }] },
  ],
  invalid,
});

itParsesEverySuggestion(invalid);
itCoversTheFamily('child-process', entries);

describe('messages', () => {
  const COST = 'blocks the event loop in this Express route handler: every other request waits until it returns.';
  it('names the awaited form, or says what to do when there is none', () => {
    expect(
      reportedMessages(
        rule,
        express(
          `import { execSync, spawnSync } from 'child_process';\nimport { sync } from 'cross-spawn';\nimport shell from 'shelljs';\nimport execa from 'execa';`,
          `execSync('ls'); spawnSync('ls'); sync('ls'); shell.exec('ls'); shell.cmd('ls'); execa.sync('ls'); execa.commandSync('ls');`,
        ),
      ),
    ).toEqual([
      `\`child_process.execSync()\` ${COST} Use \`(await promisify(exec)()).stdout\` from \`node:child_process\` and \`node:util\` instead.`,
      `\`child_process.spawnSync()\` ${COST} Use promisified \`execFile()\` from \`node:child_process\` when you need the output, or \`spawn()\` and wait for its \`close\` event; \`spawnSync()\` has no drop-in awaited form.`,
      `\`cross-spawn.sync()\` ${COST} Use \`spawn()\` from \`cross-spawn\` and wait for its \`close\` event, or use \`await execa()\` or promisified \`execFile()\` from \`node:child_process\`.`,
      `\`shelljs.exec()\` ${COST} Use \`await execa()\` or promisified \`execFile()\` from \`node:child_process\`, or pass \`{ async: true }\` and a callback.`,
      `\`shelljs.cmd()\` ${COST} Use \`await execa()\` or promisified \`execFile()\` from \`node:child_process\` instead.`,
      `\`execa.sync()\` ${COST} Call the module itself and await it: \`await execa(file, args)\` takes the same arguments.`,
      `\`execa.commandSync()\` ${COST} Use \`await command()\` from \`execa\` instead.`,
    ]);
  });

  it("names zx's sync preset by the option that makes it synchronous, not as the asynchronous `$`", () => {
    expect(reportedMessages(rule, express(`import { $ } from 'zx';`, 'res.send($({ sync: true })`ls`.stdout);'))).toEqual([
      `\`\` zx.$({ sync: true })\`…\` \`\` ${COST} Leave \`sync: true\` out of the preset and await the template: \`\` await $\`…\` \`\` resolves to the same output.`,
    ]);
  });

  it('shows a tagged template as one, and its replacement too: `await execa()` would take the command as a file name', () => {
    const code = express(
      `import { execaSync, $ } from 'execa';`,
      'const { stdout } = execaSync`git status`; res.send(stdout + $.sync({ cwd: repo })`ls`.stdout);',
    );
    expect(reportedMessages(rule, code)).toEqual([
      `\`\` execa.execaSync\`…\` \`\` ${COST} Use \`\` await execa\`…\` \`\` from \`execa\` instead.`,
      `\`\` execa.$.sync\`…\` \`\` ${COST} Use \`\` await $\`…\` \`\` from \`execa\` instead.`,
    ]);
    expect(suggestionDescriptions(rule, code)).toEqual([
      'Replace with `` await execa`…` `` from `execa`.',
      'Replace with `` await $`…` `` from `execa`.',
    ]);
  });
});
