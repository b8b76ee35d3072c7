// NestJS apps are published as tsc's output, where every decorator is a call of tsc's `__decorate`
// helper after the class. Users lint the TypeScript source, where the plugin reads `@Controller()`
// and `@Get()` and follows `constructor(private readonly users: UsersService)` into the service; in
// the output those are gone, so the plugin sees no NestJS handler there. This module writes an
// ES-module package's output back in the form of its source, for the hardening run to lint as
// users do: decorators before the class, its methods and their parameters; constructor parameter
// properties typed as `design:paramtypes` records them. Method bodies stay as tsc emitted them.
// What tsc keeps no trace of stays lost: other types, access modifiers, and `implements` clauses, so
// a guard or interceptor the plugin knows by `implements CanActivate` is not recognised in it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { corpusSpec, fetchCorpus, listSourceFiles } from './corpus.js';

/** What `design:paramtypes` records for a parameter without a class type: no type is written for these. */
const BUILT_IN_TYPES = new Set(['Object', 'String', 'Number', 'Boolean', 'Array', 'Function', 'Promise', 'Symbol', 'BigInt']);

/**
 * @typedef {import('@typescript-eslint/typescript-estree').TSESTree.CallExpression} CallExpression
 * @typedef {import('@typescript-eslint/typescript-estree').TSESTree.ArrayExpression} ArrayExpression
 * @typedef {import('@typescript-eslint/typescript-estree').TSESTree.ClassDeclaration
 *   | import('@typescript-eslint/typescript-estree').TSESTree.ClassExpression} ClassNode
 * @typedef {import('@typescript-eslint/typescript-estree').TSESTree.FunctionExpression
 *   | import('@typescript-eslint/typescript-estree').TSESTree.TSEmptyBodyFunctionExpression} FunctionExpression
 * @typedef {import('@typescript-eslint/typescript-estree').TSESTree.Parameter} Parameter
 * @typedef {{ decorators: string[], parameterDecorators: Map<number, string[]>, parameterTypes: (string | undefined)[] }} Decorated
 * @typedef {{ own: Decorated, members: Map<string, Decorated> }} DecoratedClass
 * @typedef {[start: number, end: number, text: string]} Edit
 */

/**
 * The source form of one file of tsc's output (`experimentalDecorators`, ES modules), or undefined
 * when it decorates nothing. The result is TypeScript.
 * @param {string} text
 * @returns {string | undefined}
 */
export function restoreDecorators(text) {
  if (!text.includes('__decorate(')) return undefined;
  const ast = parse(text, { range: true });
  /** @type {Edit[]} */
  const edits = [];
  /** @type {Map<string, DecoratedClass>} */
  const classes = new Map();
  const classNamed = (/** @type {string} */ name) => {
    let decorated = classes.get(name);
    if (!decorated) classes.set(name, (decorated = { own: emptyDecorated(), members: new Map() }));
    return decorated;
  };

  // `__decorate([Get(), __param(0, Query('q')), __metadata(...)], C.prototype, "list", null);` and
  // `C = __decorate([Controller('users'), ...], C);`, each a statement after the class.
  for (const statement of ast.body) {
    if (statement.type !== 'ExpressionStatement') continue;
    let call = statement.expression;
    // `C = C_1 = __decorate(...)`: tsc's alias for a class that names itself.
    while (call.type === 'AssignmentExpression') call = call.right;
    if (call.type !== 'CallExpression' || !calls(call, '__decorate') || call.arguments[0]?.type !== 'ArrayExpression') continue;
    const [list, target, key] = call.arguments;
    if (call.arguments.length === 2 && target?.type === 'Identifier') {
      readDecorators(text, list, classNamed(target.name).own);
    } else if (
      target?.type === 'MemberExpression' &&
      target.object.type === 'Identifier' &&
      target.property.type === 'Identifier' &&
      target.property.name === 'prototype' &&
      key?.type === 'Literal' &&
      typeof key.value === 'string'
    ) {
      const decorated = emptyDecorated();
      readDecorators(text, list, decorated);
      classNamed(target.object.name).members.set(key.value, decorated);
    } else {
      continue; // a static member's (`__decorate([...], C, "run", null)`): left as tsc wrote it
    }
    edits.push([statement.range[0], statement.range[1], '']);
  }

  for (const statement of ast.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'ClassDeclaration' && declaration.id) {
      const decorated = classes.get(declaration.id.name);
      if (decorated) restoreClass(declaration, decorated, [declaration.range[0], declaration.range[0]], edits);
    } else if (declaration?.type === 'VariableDeclaration' && declaration.declarations.length === 1) {
      // `let C = class C { ... };`, or `let C = C_1 = class C { ... };`: a class declaration again.
      let value = declaration.declarations[0]?.init;
      while (value?.type === 'AssignmentExpression') value = value.right;
      if (value?.type !== 'ClassExpression' || !value.id) continue;
      const decorated = classes.get(value.id.name);
      if (!decorated) continue;
      // `let C = ` goes (an `export` before it stays); the `;` after the class is an empty statement now.
      restoreClass(value, decorated, [declaration.range[0], value.range[0]], edits);
    }
  }

  // Right to left, so that each edit's offsets still hold; edits at one offset end up in the order pushed.
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit[0] - a.edit[0] || b.index - a.index);
  let result = text;
  for (const { edit: [start, end, replacement] } of ordered) {
    result = result.slice(0, start) + replacement + result.slice(end);
  }
  return result;
}

/** @returns {Decorated} */
function emptyDecorated() {
  return { decorators: [], parameterDecorators: new Map(), parameterTypes: [] };
}

/**
 * @param {CallExpression} call
 * @param {string} name
 */
function calls(call, name) {
  return call.callee.type === 'Identifier' && call.callee.name === name;
}

/**
 * Sorts `__decorate`'s list into decorators, parameter decorators (`__param(i, Inject(X))`) and the
 * parameters' types (`__metadata("design:paramtypes", [X, String])`); other metadata goes.
 * @param {string} text
 * @param {ArrayExpression} list
 * @param {Decorated} into
 */
function readDecorators(text, list, into) {
  for (const element of list.elements) {
    if (!element || element.type === 'SpreadElement') continue;
    if (element.type === 'CallExpression' && calls(element, '__metadata')) {
      const [key, value] = element.arguments;
      if (key?.type === 'Literal' && key.value === 'design:paramtypes' && value?.type === 'ArrayExpression') {
        into.parameterTypes = value.elements.map((type) =>
          type?.type === 'Identifier' && !BUILT_IN_TYPES.has(type.name) ? type.name : undefined,
        );
      }
    } else if (element.type === 'CallExpression' && calls(element, '__param')) {
      const [index, decorator] = element.arguments;
      if (index?.type !== 'Literal' || typeof index.value !== 'number' || !decorator) continue;
      const list = into.parameterDecorators.get(index.value) ?? [];
      list.push(text.slice(...decorator.range));
      into.parameterDecorators.set(index.value, list);
    } else {
      into.decorators.push(text.slice(...element.range));
    }
  }
}

/**
 * @param {ClassNode} classNode
 * @param {DecoratedClass} decorated
 * @param {[number, number]} head what comes before `class`: replaced by the class's decorators
 * @param {Edit[]} edits
 */
function restoreClass(classNode, decorated, head, edits) {
  edits.push([head[0], head[1], decorated.own.decorators.map((decorator) => `@${decorator}\n`).join('')]);
  for (const member of classNode.body.body) {
    if (member.type !== 'MethodDefinition' && member.type !== 'PropertyDefinition') continue;
    if (member.static || member.computed || member.key.type !== 'Identifier') continue;
    if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
      restoreParameters(member.value.params, decorated.own, parameterProperties(classNode, member.value, edits), edits);
      continue;
    }
    // A method's or accessor's decorators, or a field's (`@Inject(Logger) logger;`).
    const own = decorated.members.get(member.key.name);
    if (!own) continue;
    edits.push([member.range[0], member.range[0], own.decorators.map((decorator) => `@${decorator} `).join('')]);
    if (member.type === 'MethodDefinition') restoreParameters(member.value.params, own, new Set(), edits);
  }
}

/**
 * tsc writes `constructor(private readonly users: UsersService) {}` as a field `users;` and
 * `this.users = users;` in the constructor: the names it did so for, with both removed.
 * @param {ClassNode} classNode
 * @param {FunctionExpression} constructor
 * @param {Edit[]} edits
 * @returns {Set<string>}
 */
function parameterProperties(classNode, constructor, edits) {
  const parameters = new Set(constructor.params.flatMap((parameter) => (parameter.type === 'Identifier' ? [parameter.name] : [])));
  const fields = new Set();
  for (const statement of constructor.body?.body ?? []) {
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
    const { left, right } = statement.expression;
    if (
      left.type === 'MemberExpression' &&
      left.object.type === 'ThisExpression' &&
      left.property.type === 'Identifier' &&
      right.type === 'Identifier' &&
      right.name === left.property.name &&
      parameters.has(right.name)
    ) {
      fields.add(right.name);
      edits.push([statement.range[0], statement.range[1], '']);
    }
  }
  for (const member of classNode.body.body) {
    if (member.type === 'PropertyDefinition' && !member.value && member.key.type === 'Identifier' && fields.has(member.key.name)) {
      edits.push([member.range[0], member.range[1], '']);
    }
  }
  return fields;
}

/**
 * @param {Parameter[]} parameters
 * @param {Decorated} decorated
 * @param {Set<string>} properties parameters that are parameter properties
 * @param {Edit[]} edits
 */
function restoreParameters(parameters, decorated, properties, edits) {
  parameters.forEach((parameter, index) => {
    const decorators = (decorated.parameterDecorators.get(index) ?? []).map((decorator) => `@${decorator} `).join('');
    const modifiers = parameter.type === 'Identifier' && properties.has(parameter.name) ? 'private readonly ' : '';
    if (decorators || modifiers) edits.push([parameter.range[0], parameter.range[0], decorators + modifiers]);
    const type = decorated.parameterTypes[index];
    if (type && parameter.type === 'Identifier') edits.push([parameter.range[1], parameter.range[1], `: ${type}`]);
  });
}

/**
 * The source form of a package's output: each of `files` written as `.ts` at its place under `to`
 * (decorated or not, so that imports between them resolve as in the source: `./users.service.js`
 * names `users.service.ts`), with the package's package.json, which says how they load.
 * @param {string} packageDir
 * @param {readonly string[]} files the package's `.js` files
 * @param {string} to
 * @returns {string[]} the files written
 */
export function writeSourceForm(packageDir, files, to) {
  mkdirSync(to, { recursive: true });
  writeFileSync(join(to, 'package.json'), readFileSync(join(packageDir, 'package.json')));
  return files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const target = join(to, relative(packageDir, file)).replace(/\.js$/, '.ts');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, restoreDecorators(text) ?? text);
    return target;
  });
}

/**
 * The TypeScript project of a source form, for the hardening run's type check of suggestions: Node's
 * types come with the corpus' `types` (@types/express needs them), found in the node_modules above.
 */
const SOURCE_FORM_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
  },
};

/**
 * The `sourceForm` folders of corpus packages (tsc's output of a NestJS app) written back in the form
 * of their TypeScript source, decorators and all (restoreDecorators), beside the unpacked package,
 * with a tsconfig.json that includes them; made anew each time. Only those folders are listed.
 * @param {(line: string) => void} [log]
 * @returns {import('./corpus.js').FileList}
 */
export function sourceFormFiles(log = () => {}) {
  const { sourceForm } = corpusSpec();
  const files = fetchCorpus(log).flatMap((p) => {
    const folder = sourceForm[p.name];
    if (folder === undefined) return [];
    const to = join(dirname(p.dir), 'source-form');
    rmSync(to, { recursive: true, force: true });
    const output = listSourceFiles(join(p.dir, folder)).files.filter((file) => file.endsWith('.js'));
    const written = writeSourceForm(p.dir, output, to);
    const tsconfig = { ...SOURCE_FORM_TSCONFIG, include: [`${folder}/**/*`] };
    writeFileSync(join(to, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
    return written;
  });
  return { files, skipped: [] };
}
