/**
 * Type information, when the parser has a TypeScript program (`parserOptions.projectService`).
 * Only the parser's own objects are used (its program's checker, its node maps): this module never
 * loads `typescript`, so linting without types costs nothing here (`import type` is erased).
 */
import { isAbsolute } from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

/** A named type and the module that declares it. */
export interface DeclaredType {
  readonly name: string;
  /**
   * The declaring package (`@types/express` is `express`) or ambient module (`declare module 'http'`),
   * without a `node:` prefix; undefined for the project's own types and TypeScript's libraries.
   */
  readonly module: string | undefined;
}

/** A module export, as the checker finds it declared: `fs` `['readFileSync']`. */
export interface DeclaredExport {
  /** Without a `node:` prefix. */
  readonly module: string;
  readonly path: readonly string[];
}

/** What getTypeInformation needs of a file: ESLint's SourceCode, or a module parsed without types. */
export interface TypedSource {
  readonly ast: TSESTree.Program;
  readonly parserServices?: Partial<TSESLint.SourceCode['parserServices']> | undefined;
}

/** A method of a class in one of the project's own files: `FileStore` `load` in `/src/file-store.ts`. */
export interface DeclaredMethod {
  readonly file: string;
  readonly className: string;
  readonly member: string;
}

export interface TypeInformation {
  /**
   * The named types `node`'s type is made of: itself, each member of a union or intersection, and
   * the interfaces and classes it extends (`interface AuthedRequest extends Request`).
   */
  declaredTypes(node: TSESTree.Node): readonly DeclaredType[];
  /**
   * The module export a member expression names, by its declaration: `fs.readFileSync` where
   * `fs: typeof import('node:fs')` is `fs` `['readFileSync']`, however `fs` reached the code.
   */
  declaredExport(member: TSESTree.MemberExpression): DeclaredExport | undefined;
  /**
   * The project class method a member call runs: `deps.store.load()` where `deps: { store: FileStore }`,
   * or `store: Store` for an interface exactly one of the project's classes implements. Only
   * methods of other files: this file's own are the same-file analysis's.
   */
  declaredMethod(member: TSESTree.MemberExpression): DeclaredMethod | undefined;
  /**
   * For a value that names a function another project file declares and exports at its top level
   * (`showUser` in `router.get('/users/:id', showUser)`, from `export function showUser(req: Request)`
   * or `export const showUser = (req: Request) => ...`): the named types of its first parameter, as
   * declaredTypes gives them. Undefined for anything else: a method, a local function, a library's.
   */
  exportedFunctionParameter(value: TSESTree.Node): readonly DeclaredType[] | undefined;
}

/** How many `extends` levels are followed from a type to the framework type it builds on. */
const MAX_BASE_DEPTH = 3;

const cache = new WeakMap<TSESTree.Program, TypeInformation | null>();

/** The file's type information, or undefined when the parser has no program (linting without types). */
export function getTypeInformation(sourceCode: TypedSource): TypeInformation | undefined {
  let information = cache.get(sourceCode.ast);
  if (information === undefined) {
    information = createTypeInformation(sourceCode) ?? null;
    cache.set(sourceCode.ast, information);
  }
  return information ?? undefined;
}

function createTypeInformation(sourceCode: TypedSource): TypeInformation | undefined {
  const services = sourceCode.parserServices;
  const program = services?.program;
  const nodeMap = services?.esTreeNodeToTSNodeMap;
  if (!program || !nodeMap) return undefined;
  const checker = program.getTypeChecker();
  const fileName = (nodeMap.get(sourceCode.ast) as ts.Node | undefined)?.getSourceFile().fileName;
  const modules = new Map<ts.Symbol, string | undefined>();

  const moduleOf = (symbol: ts.Symbol): string | undefined => {
    if (!modules.has(symbol)) modules.set(symbol, declaringModule(checker, symbol));
    return modules.get(symbol);
  };

  const collect = (type: ts.Type, found: DeclaredType[], seen: Set<ts.Type>, depth: number): void => {
    if (seen.has(type)) return;
    seen.add(type);
    for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
      if (symbol) found.push({ name: symbol.getName(), module: moduleOf(symbol) });
    }
    if (type.isUnionOrIntersection()) {
      for (const member of type.types) collect(member, found, seen, depth);
    } else if (type.isClassOrInterface() && depth < MAX_BASE_DEPTH) {
      for (const base of checker.getBaseTypes(type)) collect(base, found, seen, depth + 1);
    }
  };
  /** The named types the checker gives the node, and what they build on (collect). */
  const typesAt = (node: ts.Node): DeclaredType[] => {
    const found: DeclaredType[] = [];
    collect(checker.getTypeAtLocation(node), found, new Set(), 0);
    return found;
  };

  return {
    declaredMethod(member) {
      // Most member calls are on library objects (`res.json()`, `items.map()`) or on this file's own
      // classes (`this.load()`): only a name some other file of the project declares is worth a
      // question to the checker.
      const property = member.property;
      if (!member.computed && property.type === 'Identifier') {
        const files = projectMemberFiles(program).get(property.name);
        if (!files || (files.size === 1 && fileName !== undefined && files.has(fileName))) return undefined;
      }
      const access = nodeMap.get(member) as ts.Node | undefined;
      const name = access && 'name' in access ? (access.name as ts.Node) : undefined;
      const symbol = name && checker.getSymbolAtLocation(name);
      const declaration = symbol?.getDeclarations()?.[0];
      const owner = declaration?.parent as Partial<ts.ClassDeclaration | ts.InterfaceDeclaration> | undefined;
      if (!symbol || !declaration || !owner?.name || !owner.members || !isProjectFile(declaration.getSourceFile())) {
        return undefined;
      }
      const ownerSymbol = checker.getSymbolAtLocation(owner.name);
      // A class method with a body runs itself; an interface's (or abstract) method runs its one implementation.
      if ((declaration as Partial<ts.MethodDeclaration>).body !== undefined) {
        return { file: declaration.getSourceFile().fileName, className: owner.name.text, member: symbol.getName() };
      }
      const classes = ownerSymbol ? (projectImplementations(program).get(ownerSymbol) ?? []) : [];
      return classes.length === 1 ? { ...classes[0]!, member: symbol.getName() } : undefined;
    },
    declaredTypes(node) {
      const tsNode = nodeMap.get(node);
      return tsNode ? typesAt(tsNode) : [];
    },
    exportedFunctionParameter(value) {
      const tsNode = nodeMap.get(value);
      // The checker's one call signature of the value leads to the function however it was imported.
      const signatures = tsNode && checker.getTypeAtLocation(tsNode).getCallSignatures();
      const declaration = signatures?.length === 1 ? signatures[0]!.getDeclaration() : undefined;
      const sourceFile = declaration?.getSourceFile();
      if (!declaration || !sourceFile || sourceFile.fileName === fileName || !isProjectFile(sourceFile)) return undefined;
      if (!('body' in declaration) || !declaration.body || !isExportedAtTopLevel(declaration, sourceFile)) return undefined;
      const parameter = declaration.parameters.find((param) => param.name.getText(sourceFile) !== 'this');
      return parameter && typesAt(parameter);
    },
    declaredExport(member) {
      const access = nodeMap.get(member) as ts.Node | undefined;
      const name = access && 'name' in access ? (access.name as ts.Node) : undefined;
      const symbol = name && checker.getSymbolAtLocation(name);
      if (!symbol) return undefined;
      const [, module, path] = /^"([^"]+)"\.(.+)$/.exec(checker.getFullyQualifiedName(symbol)) ?? [];
      // Only ambient modules (`declare module 'fs'`, how @types/node declares Node's modules).
      return module === undefined || path === undefined || isAbsolute(module)
        ? undefined
        : { module: module.replace(/^node:/, ''), path: path.split('.') };
    },
  };
}

/**
 * `export function f()`, `export default function ()`, or the function of `export const f = ...`:
 * the exported functions the handler context of their own file looks at (by their modifiers, read
 * as text: this module does not load `typescript` for its syntax kinds).
 */
function isExportedAtTopLevel(declaration: ts.SignatureDeclaration, sourceFile: ts.SourceFile): boolean {
  const exported = (node: ts.Node): boolean =>
    ((node as { modifiers?: readonly ts.Node[] }).modifiers ?? []).some((modifier) => modifier.getText(sourceFile) === 'export');
  if (declaration.parent === sourceFile) return exported(declaration);
  // `export const f = () => ...`: the declaration, its list, then the statement with the modifiers.
  const variable = declaration.parent as Partial<ts.VariableDeclaration>;
  const statement = variable.parent?.parent;
  return variable.initializer === declaration && statement?.parent === sourceFile && exported(statement);
}

const memberFilesByProgram = new WeakMap<ts.Program, ReadonlyMap<string, ReadonlySet<string>>>();
const implementationsByProgram = new WeakMap<ts.Program, ReadonlyMap<ts.Symbol, readonly ProjectClass[]>>();

/** A class of the project: a DeclaredMethod without the method. */
type ProjectClass = Omit<DeclaredMethod, 'member'>;

/**
 * The project's classes by the interfaces and classes they implement or extend, once per program:
 * every file of a project shares one program, and building this walks all of the project's files.
 */
function projectImplementations(program: ts.Program): ReadonlyMap<ts.Symbol, readonly ProjectClass[]> {
  let implementations = implementationsByProgram.get(program);
  if (!implementations) {
    const checker = program.getTypeChecker();
    const found = new Map<ts.Symbol, ProjectClass[]>();
    for (const sourceFile of program.getSourceFiles()) {
      if (!isProjectFile(sourceFile)) continue;
      for (const statement of sourceFile.statements) {
        const declaration = statement as Partial<ts.ClassDeclaration>;
        if (!declaration.name || !declaration.members || !declaration.heritageClauses) continue;
        for (const clause of declaration.heritageClauses) {
          for (const heritage of clause.types) {
            const base = checker.getTypeAtLocation(heritage).getSymbol();
            if (!base) continue;
            let classes = found.get(base);
            if (!classes) found.set(base, (classes = []));
            classes.push({ file: sourceFile.fileName, className: declaration.name.text });
          }
        }
      }
    }
    implementationsByProgram.set(program, (implementations = found));
  }
  return implementations;
}

/**
 * The members that the project's own classes, interfaces and object types declare, by name, with
 * the files that declare them; once per program.
 */
function projectMemberFiles(program: ts.Program): ReadonlyMap<string, ReadonlySet<string>> {
  let names = memberFilesByProgram.get(program);
  if (!names) {
    const found = new Map<string, Set<string>>();
    for (const sourceFile of program.getSourceFiles()) {
      if (!isProjectFile(sourceFile)) continue;
      const visit = (node: ts.Node): void => {
        for (const member of (node as { members?: readonly ts.Node[] }).members ?? []) {
          const text = (member as { name?: { text?: unknown } }).name?.text;
          if (typeof text !== 'string') continue;
          let files = found.get(text);
          if (!files) found.set(text, (files = new Set()));
          files.add(sourceFile.fileName);
        }
        node.forEachChild(visit);
      };
      sourceFile.forEachChild(visit);
    }
    memberFilesByProgram.set(program, (names = found));
  }
  return names;
}

/** One of the project's own source files: not a declaration file, not a dependency. */
function isProjectFile(sourceFile: ts.SourceFile): boolean {
  return !sourceFile.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(sourceFile.fileName);
}

/** `"express".Router` (an ambient module), or the package of the file that declares the symbol. */
function declaringModule(checker: ts.TypeChecker, symbol: ts.Symbol): string | undefined {
  const quoted = /^"([^"]+)"/.exec(checker.getFullyQualifiedName(symbol))?.[1];
  if (quoted !== undefined && !isAbsolute(quoted)) return quoted.replace(/^node:/, '');
  const file = symbol.getDeclarations()?.[0]?.getSourceFile().fileName;
  return file === undefined ? undefined : packageOf(file);
}

/** `/x/node_modules/@types/koa__router/index.d.ts` → `@koa/router`; undefined outside node_modules. */
function packageOf(file: string): string | undefined {
  const name = /.*[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1]?.replace('\\', '/');
  if (name === undefined) return undefined;
  if (!name.startsWith('@types/')) return name;
  const typed = name.slice('@types/'.length);
  return typed.includes('__') ? `@${typed.replace('__', '/')}` : typed;
}

/** The package a module specifier belongs to: `hono/context` → `hono`, `node:http` → `http`. */
export function packageRoot(specifier: string): string {
  const segments = specifier.replace(/^node:/, '').split('/');
  return segments.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}
