#!/usr/bin/env node
// `npm run demo`: lint the example servers with the built plugin's recommended config and print the
// findings. Findings are the expected output, so they do not fail the script; a crash or a parse
// error in an example does.
import { ESLint } from 'eslint';

const examples = new URL('../examples/', import.meta.url);
const eslint = new ESLint({ cwd: examples.pathname, overrideConfigFile: new URL('eslint.config.js', examples).pathname });
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal));
const findings = results.reduce((sum, result) => sum + result.messages.length, 0);
console.log(`${results.length} files linted, ${findings} blocking calls found in request handlers.`);
if (fatal.length > 0) {
  console.error(`${fatal.length} example file(s) failed to parse.`);
  process.exitCode = 1;
}
