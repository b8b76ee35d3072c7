// The real code the bench and the hardening run lint: pinned npm packages fetched with `npm pack`
// into bench/.cache/ (kept between runs), the repo's examples, and the JS/TS under node_modules.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CACHE = join(ROOT, 'bench', '.cache');

const SOURCE_FILE = /\.(?:[cm]?js|[cm]?ts)$/;
/** The JavaScript ones: what ESLint's default parser reads. */
export const JAVASCRIPT_FILE = /\.[cm]?js$/;
/** The same files as config globs. */
export const SOURCE_GLOBS = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.mts', '**/*.cts'];
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
/** Bundled or minified files say nothing about hand-written server code, and dominate parse time. */
export const MAX_FILE_BYTES = 300 * 1024;
export const MAX_LINE_LENGTH = 1000;

/**
 * @typedef {{ name: string, version: string, dir: string }} CorpusPackage
 * @typedef {{ file: string, reason: string }} SkippedFile
 * @typedef {{ files: string[], skipped: SkippedFile[] }} FileList
 * @typedef {{
 *   packages: Record<string, string>,
 *   hardeningOnly: string[],
 *   sourceForm: Record<string, string>,
 *   directories: Record<string, string[]>,
 *   typed: string[],
 *   types: Record<string, string>,
 *   typesBefore: string,
 * }} CorpusSpec
 */

/** @returns {CorpusSpec} bench/corpus.json: package name → exact version, and how each is linted */
export function corpusSpec() {
  return JSON.parse(readFileSync(join(ROOT, 'bench', 'corpus.json'), 'utf8'));
}

/**
 * Every corpus package (but the `hardeningOnly` ones unless asked for), unpacked under
 * bench/.cache/packages/, with the corpus' type declarations beside them; fetched with `npm pack`
 * (and `npm install`) only when missing, so later runs work offline.
 * @param {(line: string) => void} log
 * @param {{ hardeningOnly?: boolean }} [options]
 * @returns {CorpusPackage[]}
 */
export function fetchCorpus(log = () => {}, { hardeningOnly = true } = {}) {
  const packagesDir = join(CACHE, 'packages');
  mkdirSync(packagesDir, { recursive: true });
  const spec = corpusSpec();
  const wanted = Object.entries(spec.packages).filter(([name]) => hardeningOnly || !spec.hardeningOnly.includes(name));
  const packages = wanted.map(([name, version]) => {
    const target = join(packagesDir, `${name.replace('/', '+')}@${version}`);
    const dir = join(target, 'package');
    if (!existsSync(join(target, '.complete'))) {
      log(`fetching ${name}@${version}`);
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      const packed = JSON.parse(
        execFileSync('npm', ['pack', `${name}@${version}`, '--json', '--loglevel=error', '--pack-destination', target], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          shell: process.platform === 'win32',
        }),
      );
      const tarball = join(target, packed[0].filename);
      execFileSync('tar', ['xzf', tarball, '-C', target], { stdio: 'inherit' });
      rmSync(tarball);
      writeFileSync(join(target, '.complete'), `${name}@${version}\n`);
    }
    return { name, version, dir };
  });
  installCorpusTypes(spec, packagesDir, log);
  return packages;
}

/**
 * The corpus' `types` (bench/corpus.json), installed beside the packages, where the module
 * resolution of every corpus file finds them; again only when the list changes.
 * @param {CorpusSpec} spec
 * @param {string} packagesDir
 * @param {(line: string) => void} log
 */
function installCorpusTypes({ types, typesBefore }, packagesDir, log) {
  const specs = Object.entries(types).map(([name, version]) => `${name}@${version}`);
  const nodeModules = join(packagesDir, 'node_modules');
  const marker = join(nodeModules, '.corpus-types');
  const wanted = `${JSON.stringify({ specs, typesBefore })}\n`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return;
  log(`installing ${specs.join(', ')}`);
  rmSync(nodeModules, { recursive: true, force: true });
  if (specs.length > 0) {
    const flags = ['--ignore-scripts', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error'];
    execFileSync('npm', ['install', ...flags, `--before=${typesBefore}`, '--prefix', packagesDir, ...specs], {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
  }
  mkdirSync(nodeModules, { recursive: true });
  writeFileSync(marker, wanted);
}

/**
 * JS and TS sources under `root`, sorted, without declaration files, nested node_modules, and
 * bundled or minified files (reported as skipped, with the reason).
 * @param {string} root
 * @param {{ skipDirectories?: readonly string[] }} [options] directory names never entered
 * @returns {FileList}
 */
export function listSourceFiles(root, { skipDirectories = ['node_modules', '.git'] } = {}) {
  /** @type {FileList} */
  const list = { files: [], skipped: [] };
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipDirectories.includes(entry.name)) walk(path);
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !DECLARATION_FILE.test(entry.name)) {
        const reason = bundledReason(path);
        if (reason) list.skipped.push({ file: path, reason });
        else list.files.push(path);
      }
    }
  };
  walk(root);
  return list;
}

const INLINE_SOURCE_MAP = '//# sourceMappingURL=data:';

/**
 * Why the file looks bundled or minified, if it does. An inline source map is one long comment line
 * that compilers append to ordinary files: it does not count.
 * @param {string} file
 * @returns {string | undefined}
 */
function bundledReason(file) {
  if (statSync(file).size > MAX_FILE_BYTES) return `larger than ${MAX_FILE_BYTES / 1024} KB`;
  const text = readFileSync(file, 'utf8');
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end - start > MAX_LINE_LENGTH && !text.startsWith(INLINE_SOURCE_MAP, start)) {
      return `a line longer than ${MAX_LINE_LENGTH} characters`;
    }
    start = end + 1;
  }
  return undefined;
}

/** @param {FileList[]} lists @returns {FileList} */
export function mergeFileLists(lists) {
  return { files: lists.flatMap((l) => l.files), skipped: lists.flatMap((l) => l.skipped) };
}

/**
 * The bench corpus: every pinned package plus the repo's examples, with the files of each. Unless
 * `whole` (the hardening run), only the directories corpus.json names, and no `hardeningOnly` package.
 * @param {{ log?: (line: string) => void, whole?: boolean }} [options]
 */
export function corpusFiles({ log = () => {}, whole = false } = {}) {
  const { directories } = corpusSpec();
  const packages = fetchCorpus(log, { hardeningOnly: whole }).map((p) => {
    const roots = (!whole && directories[p.name]?.map((dir) => join(p.dir, dir))) || [p.dir];
    return { ...p, ...mergeFileLists(roots.map((root) => listSourceFiles(root))) };
  });
  const examples = listSourceFiles(join(ROOT, 'examples'));
  return {
    packages: [...packages, { name: 'examples/', version: '', dir: join(ROOT, 'examples'), ...examples }],
    ...mergeFileLists([...packages, examples]),
  };
}

/** The example apps that have a tsconfig.json, and the directory it includes. */
const TYPED_EXAMPLES = ['fastify-api/src', 'nestjs-app/src', 'nextjs-app'].map((dir) => join(ROOT, 'examples', dir, '/'));

/**
 * The part of the corpus linted with type information: the files of the `typed` packages, each
 * given a tsconfig.json (allowJs, no checking) beside its unpacked folder for the project service
 * to find, and the TypeScript files of the examples that have their own tsconfig.json.
 * @param {(CorpusPackage & FileList)[]} packages as corpusFiles() returns them
 * @returns {string[]}
 */
export function typedCorpusFiles(packages) {
  const typed = new Set(corpusSpec().typed);
  const tsconfig = {
    compilerOptions: { allowJs: true, checkJs: false, noEmit: true, target: 'ES2022', module: 'NodeNext', skipLibCheck: true, types: [] },
    include: ['package/**/*'],
  };
  return packages.flatMap((p) => {
    if (typed.has(p.name)) {
      writeFileSync(join(dirname(p.dir), 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
      return p.files;
    }
    return p.files.filter(isTypedExampleFile);
  });
}

/**
 * A TypeScript file of an example that has its own tsconfig.json, where the project service finds it.
 * @param {string} file absolute path
 */
export const isTypedExampleFile = (file) => /\.[cm]?ts$/.test(file) && TYPED_EXAMPLES.some((dir) => file.startsWith(dir));

/**
 * The hardening subset in `npm test`: the sources of these installed packages (fixed by the
 * lockfile, present after `npm ci` on every fresh clone; ajv/lib is TypeScript) and the examples.
 */
export const HARDENING_PACKAGES = [
  '@eslint/config-array/dist',
  '@typescript-eslint/eslint-plugin/dist',
  '@typescript-eslint/rule-tester/dist',
  '@typescript-eslint/scope-manager/dist',
  '@typescript-eslint/type-utils/dist',
  '@typescript-eslint/typescript-estree/dist',
  '@typescript-eslint/utils/dist',
  '@vitest/mocker/dist',
  '@vitest/runner/dist',
  '@vitest/snapshot/dist',
  '@vitest/utils/dist',
  'ajv/lib',
  'commander',
  'cosmiconfig/dist',
  'eslint/lib',
  'eslint-doc-generator/dist',
  'eslint-plugin-eslint-plugin/dist',
  'eslint-plugin-n/lib',
  'eslint-scope',
  'espree',
  'fast-uri',
  'js-yaml',
  'minimatch/dist',
  'nanoid',
  'picomatch',
  'postcss/lib',
  'rolldown/dist',
  'semver',
  'table/dist',
  'vite/dist/node',
  'vitest/dist',
];

/** @returns {FileList} */
export function hardeningSubsetFiles() {
  return mergeFileLists([
    ...HARDENING_PACKAGES.map((dir) => listSourceFiles(join(ROOT, 'node_modules', dir))),
    listSourceFiles(join(ROOT, 'examples')),
  ]);
}

/** Every JS/TS source under node_modules except type declarations and TypeScript's own bundles. */
export function allNodeModulesFiles() {
  const nodeModules = join(ROOT, 'node_modules');
  /** @type {FileList[]} */
  const lists = [];
  /** @param {string} dir */
  const packagesIn = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === '@types' || name === 'typescript') continue;
      const path = join(dir, name);
      if (name.startsWith('@')) packagesIn(path);
      else if (statSync(path).isDirectory()) lists.push(listSourceFiles(path));
    }
  };
  packagesIn(nodeModules);
  return mergeFileLists(lists);
}

/** @type {Map<string, 'module' | 'commonjs'>} */
const packageTypes = new Map();

/**
 * How Node loads the file: `.mjs`/`.mts` as ESM, `.cjs`/`.cts` as CommonJS, others by the
 * nearest package.json's "type".
 * @param {string} file
 * @returns {'module' | 'commonjs'}
 */
export function sourceTypeOf(file) {
  if (/\.m[jt]s$/.test(file)) return 'module';
  if (/\.c[jt]s$/.test(file)) return 'commonjs';
  return packageTypeOf(dirname(file));
}

/** @param {string} dir @returns {'module' | 'commonjs'} */
function packageTypeOf(dir) {
  let type = packageTypes.get(dir);
  if (type) return type;
  const manifest = join(dir, 'package.json');
  if (existsSync(manifest)) {
    type = JSON.parse(readFileSync(manifest, 'utf8')).type === 'module' ? 'module' : 'commonjs';
  } else {
    const parent = dirname(dir);
    type = parent === dir ? 'commonjs' : packageTypeOf(parent);
  }
  packageTypes.set(dir, type);
  return type;
}

/** @param {string} file */
export const fromRoot = (file) => relative(ROOT, file).replaceAll('\\', '/');
