/**
 * Handler recognition for class-based frameworks: NestJS (controllers, GraphQL resolvers,
 * microservice and gateway message handlers, guards, interceptors, pipes, middleware, exception
 * filters), TypeGraphQL, routing-controllers and Egg.js.
 */
import { invalid, rule, ruleTester, ts } from './helpers.js';

const nestHttp = ts`
  import fs from 'fs';
  import { All, Controller, Get, Post, Sse } from '@nestjs/common';
  import { Observable, interval, map } from 'rxjs';
  @Controller('cats')
  export class CatsController {
    @Post()
    create(): boolean {
      return fs.existsSync(a);
    }
    @All('any')
    any() {
      return fs.existsSync(b);
    }
    @Sse('events')
    events(): Observable<unknown> {
      return interval(1000).pipe(map(() => ({ data: fs.existsSync(c) })));
    }
    private helper() {
      return fs.existsSync(d);
    }
    @Get()
    static notARoute() {
      return fs.existsSync(e);
    }
  }
`;

const nestOther = ts`
  import fs from 'fs';
  import { ArgumentsHost, CallHandler, CanActivate, Catch, ExceptionFilter, Injectable, NestInterceptor, NestMiddleware, PipeTransform } from '@nestjs/common';
  import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
  import { Controller } from '@nestjs/common';
  import { EventPattern, MessagePattern } from '@nestjs/microservices';
  import { SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
  import { AuthGuard, PassportStrategy } from '@nestjs/passport';
  import { Strategy } from 'passport-local';

  @Resolver('Author')
  export class AuthorsResolver {
    @Query('author')
    author(@Args('id') id: string) {
      return fs.existsSync(a);
    }
    @Mutation()
    upvote() {
      return fs.existsSync(b);
    }
    @ResolveField()
    posts() {
      return fs.existsSync(c);
    }
  }

  @Controller()
  export class MathController {
    @MessagePattern({ cmd: 'sum' })
    sum(data: number[]) {
      return fs.existsSync(d);
    }
    @EventPattern('user_created')
    handleUserCreated(data: unknown) {
      fs.existsSync(e);
    }
  }

  @WebSocketGateway()
  export class EventsGateway {
    @SubscribeMessage('events')
    handleEvent(data: string) {
      return fs.existsSync(f);
    }
  }

  @Injectable()
  export class RolesGuard implements CanActivate {
    canActivate(): boolean {
      return fs.existsSync(g);
    }
  }

  @Injectable()
  export class LoggingInterceptor implements NestInterceptor {
    intercept(context: unknown, next: CallHandler) {
      fs.existsSync(h);
      return next.handle();
    }
  }

  @Injectable()
  export class ParseIdPipe implements PipeTransform {
    transform(value: string) {
      return fs.existsSync(i);
    }
  }

  @Injectable()
  export class LoggerMiddleware implements NestMiddleware {
    use(req: unknown, res: unknown, next: () => void) {
      fs.existsSync(j);
      next();
    }
  }

  @Catch()
  export class AllExceptionsFilter implements ExceptionFilter {
    catch(exception: unknown, host: ArgumentsHost) {
      fs.existsSync(k);
    }
  }

  @Injectable()
  export class JwtAuthGuard extends AuthGuard('jwt') {
    handleRequest(err: unknown, user: unknown) {
      return fs.existsSync(l);
    }
  }

  @Injectable()
  export class LocalStrategy extends PassportStrategy(Strategy) {
    async validate(username: string) {
      return fs.existsSync(m);
    }
  }
`;

const otherFrameworks = ts`
  import fs from 'fs';
  import { Arg, FieldResolver, Query, Resolver } from 'type-graphql';
  import { Get, JsonController } from 'routing-controllers';

  @Resolver()
  export class RecipeResolver {
    @Query()
    recipe(@Arg('id') id: string) {
      return fs.existsSync(a);
    }
    @FieldResolver()
    ratings() {
      return fs.existsSync(b);
    }
  }

  @JsonController('/users')
  export class UserController {
    @Get('/:id')
    getOne() {
      return fs.existsSync(c);
    }
  }
`;

const egg = ts`
  const fs = require('fs');
  const { Controller } = require('egg');
  class HomeController extends Controller {
    async index() {
      const { ctx } = this;
      ctx.body = fs.existsSync(a);
    }
    async create() {
      this.ctx.body = fs.existsSync(b);
    }
  }
  module.exports = HomeController;
`;

ruleTester.run('context: NestJS', rule, {
  valid: [
    {
      name: 'a decorator of the same name from another module; a service; a class that does not implement the interface',
      code: ts`
        import fs from 'fs';
        import { Controller, Get } from './my-decorators';
        import { Injectable } from '@nestjs/common';
        @Controller()
        export class NotNest {
          @Get()
          find() {
            return fs.existsSync(a);
          }
        }
        @Injectable()
        export class UsersService {
          canActivate() {
            return fs.existsSync(b);
          }
          find() {
            return fs.existsSync(c);
          }
        }
      `,
    },
  ],
  invalid: [
    invalid('controller routes: @Post, @All, @Sse; not private helpers or static methods', nestHttp, {
      'fs.existsSync(a)': 'NestJS controller method',
      'fs.existsSync(b)': 'NestJS controller method',
      'fs.existsSync(c)': 'NestJS controller method',
    }),
    invalid('resolvers, message patterns, gateways, guards, interceptors, pipes, middleware, filters, Passport', nestOther, {
      'fs.existsSync(a)': 'NestJS resolver method',
      'fs.existsSync(b)': 'NestJS resolver method',
      'fs.existsSync(c)': 'NestJS resolver method',
      'fs.existsSync(d)': 'NestJS message handler',
      'fs.existsSync(e)': 'NestJS message handler',
      'fs.existsSync(f)': 'NestJS gateway message handler',
      'fs.existsSync(g)': 'NestJS guard',
      'fs.existsSync(h)': 'NestJS interceptor',
      'fs.existsSync(i)': 'NestJS pipe',
      'fs.existsSync(j)': 'NestJS middleware',
      'fs.existsSync(k)': 'NestJS exception filter',
      'fs.existsSync(l)': 'NestJS guard',
      'fs.existsSync(m)': 'NestJS Passport strategy',
    }),
  ],
});

ruleTester.run('context: TypeGraphQL, routing-controllers, Egg.js', rule, {
  valid: [
    {
      name: 'an Egg service, and a Controller that is not egg’s',
      code: ts`
        const fs = require('fs');
        const { Service } = require('egg');
        const { Controller } = require('./base');
        class UserService extends Service {
          async find() {
            return fs.existsSync(a);
          }
        }
        class Other extends Controller {
          async index() {
            return fs.existsSync(b);
          }
        }
      `,
    },
  ],
  invalid: [
    invalid('TypeGraphQL resolvers and a routing-controllers JSON controller', otherFrameworks, {
      'fs.existsSync(a)': 'TypeGraphQL resolver method',
      'fs.existsSync(b)': 'TypeGraphQL resolver method',
      'fs.existsSync(c)': 'routing-controllers controller method',
    }),
    invalid("Egg.js: every public method of a class extending egg's Controller", egg, {
      'fs.existsSync(a)': 'Egg.js controller method',
      'fs.existsSync(b)': 'Egg.js controller method',
    }),
  ],
});
