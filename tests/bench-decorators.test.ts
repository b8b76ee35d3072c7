/**
 * The hardening run's NestJS app is published as tsc's output; bench/lib/decorators.js writes it back
 * with its decorators, as users lint it. The inputs below are written the way tsc emits
 * `experimentalDecorators` with `emitDecoratorMetadata` to ES modules.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreDecorators, writeSourceForm } from '../bench/lib/decorators.js';
import plugin from '../src/index.js';

const HELPERS = `var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    return Reflect.decorate(decorators, target, key, desc);
};
var __metadata = (this && this.__metadata) || function (k, v) {
    return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
`;

const CONTROLLER = `${HELPERS}import { readFileSync } from 'node:fs';
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { UsersService } from './users.service.js';
let UsersController = class UsersController {
    users;
    constructor(users) {
        this.users = users;
    }
    show(id) {
        return this.users.find(id);
    }
    readme() {
        return readFileSync('README.md', 'utf8');
    }
};
__decorate([
    Get(':id'),
    __param(0, Param('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], UsersController.prototype, "show", null);
__decorate([
    Get('readme'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], UsersController.prototype, "readme", null);
UsersController = __decorate([
    Controller('users'),
    __param(0, Inject(UsersService)),
    __metadata("design:paramtypes", [UsersService])
], UsersController);
export { UsersController };
`;

const SERVICE = `${HELPERS}var UsersService_1;
import { existsSync } from 'node:fs';
import { Injectable, Logger } from '@nestjs/common';
let UsersService = UsersService_1 = class UsersService {
    logger = new Logger(UsersService_1.name);
    find(id) {
        return existsSync(\`/data/\${id}.json\`);
    }
};
UsersService = UsersService_1 = __decorate([
    Injectable()
], UsersService);
export { UsersService };
`;

// Linted where the files are: a flat config matches files under its base path only.
const lint = (text: string, filename: string) =>
  new Linter({ cwd: '/' }).verify(
    text,
    [{ ...plugin.configs.recommended, files: ['**/*.ts', '**/*.js'], languageOptions: { parser, sourceType: 'module' } }],
    filename,
  );

describe('restoreDecorators', () => {
  it('gives nothing for a file that decorates nothing', () => {
    expect(restoreDecorators("import { readFileSync } from 'node:fs';\nexport const a = 1;\n")).toBeUndefined();
  });

  it('writes decorators before the class, its methods and their parameters, and parameter properties typed as recorded', () => {
    expect(restoreDecorators(CONTROLLER)).toBe(`${HELPERS}import { readFileSync } from 'node:fs';
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { UsersService } from './users.service.js';
@Controller('users')
class UsersController {
    
    constructor(@Inject(UsersService) private readonly users: UsersService) {
        
    }
    @Get(':id') show(@Param('id') id) {
        return this.users.find(id);
    }
    @Get('readme') readme() {
        return readFileSync('README.md', 'utf8');
    }
};



export { UsersController };
`);
  });

  it("reads a class through tsc's alias for a class that names itself", () => {
    expect(restoreDecorators(SERVICE)).toBe(`${HELPERS}var UsersService_1;
import { existsSync } from 'node:fs';
import { Injectable, Logger } from '@nestjs/common';
@Injectable()
class UsersService {
    logger = new Logger(UsersService_1.name);
    find(id) {
        return existsSync(\`/data/\${id}.json\`);
    }
};

export { UsersService };
`);
  });

  it("writes a field's and an accessor's decorators before them", () => {
    const text = `${HELPERS}let Jobs = class Jobs {
    logger;
    get name() { return 'jobs'; }
};
__decorate([
    Inject(Logger),
    __metadata("design:type", Logger)
], Jobs.prototype, "logger", void 0);
__decorate([
    Expose(),
    __metadata("design:type", String),
    __metadata("design:paramtypes", [])
], Jobs.prototype, "name", null);
Jobs = __decorate([
    Injectable()
], Jobs);
export { Jobs };
`;
    expect(restoreDecorators(text)).toBe(`${HELPERS}@Injectable()
class Jobs {
    @Inject(Logger) logger;
    @Expose() get name() { return 'jobs'; }
};



export { Jobs };
`);
  });

  it('leaves a static member and an exported class declaration where tsc would not put them', () => {
    const text = `${HELPERS}export class Jobs {
    static run() {}
}
__decorate([
    Cron('* * * * *')
], Jobs, "run", null);
Jobs = __decorate([
    Injectable()
], Jobs);
`;
    expect(restoreDecorators(text)).toBe(`${HELPERS}export @Injectable()
class Jobs {
    static run() {}
}
__decorate([
    Cron('* * * * *')
], Jobs, "run", null);

`);
  });

  it('makes a NestJS handler of what the plugin does not see as one in the output', () => {
    const restored = restoreDecorators(CONTROLLER)!;
    expect(lint(CONTROLLER, '/app/src/users.controller.js')).toEqual([]);
    const messages = lint(restored, '/app/src/users.controller.ts');
    expect(messages.map(({ ruleId, messageId, line, column }) => ({ ruleId, messageId, line, column }))).toEqual([
      { ruleId: 'event-loop/no-sync-fs', messageId: 'blocking', line: 23, column: 16 },
    ]);
    expect(messages[0]!.message).toContain('in this NestJS controller method');
  });
});

describe('writeSourceForm', () => {
  const dir = mkdtempSync(join(tmpdir(), 'source-form-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every file as TypeScript beside its package.json, and the plugin follows the injected service', () => {
    const pkg = join(dir, 'package');
    const out = join(dir, 'source-form');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{ "type": "module" }');
    writeFileSync(join(pkg, 'dist/users.controller.js'), CONTROLLER);
    writeFileSync(join(pkg, 'dist/users.service.js'), SERVICE);
    const written = writeSourceForm(pkg, [join(pkg, 'dist/users.controller.js'), join(pkg, 'dist/users.service.js')], out);
    expect(written).toEqual([join(out, 'dist/users.controller.ts'), join(out, 'dist/users.service.ts')]);
    expect(readFileSync(join(out, 'package.json'), 'utf8')).toBe('{ "type": "module" }');
    const messages = lint(readFileSync(written[0]!, 'utf8'), written[0]!);
    expect(messages.map(({ messageId, line, column }) => ({ messageId, line, column }))).toEqual([
      { messageId: 'blockingHelper', line: 20, column: 16 },
      { messageId: 'blocking', line: 23, column: 16 },
    ]);
    expect(messages[0]!.message).toMatch(/^`this\.users\.find\(\)` blocks the event loop in this NestJS controller method: it calls `fs\.existsSync\(\)` \(\S+\/source-form\/dist\/users\.service\.ts:17\)/);
  });
});
