/**
 * Class-based frameworks: methods that serve requests, recognised by decorators, implemented
 * interfaces or base classes.
 */
import type { ClassFramework } from './types.js';

/** NestJS HTTP method decorators (`@Get()`, ..., `@All()`, `@Sse()`). */
export const NEST_ROUTE_DECORATORS = [
  'Get',
  'Post',
  'Put',
  'Delete',
  'Patch',
  'Options',
  'Head',
  'All',
  'Search',
  'Sse',
] as const;

export const classFrameworks: readonly ClassFramework[] = [
  {
    id: 'nestjs',
    label: 'NestJS',
    modules: ['@nestjs/common', '@nestjs/graphql', '@nestjs/microservices', '@nestjs/websockets', '@nestjs/passport', '@nestjs/core'],
    conventions: [
      { role: 'controller method', classDecorators: ['Controller'], methodDecorators: NEST_ROUTE_DECORATORS },
      { role: 'message handler', classDecorators: ['Controller'], methodDecorators: ['MessagePattern', 'EventPattern'] },
      {
        role: 'resolver method',
        classDecorators: ['Resolver'],
        methodDecorators: ['Query', 'Mutation', 'Subscription', 'ResolveField', 'ResolveProperty', 'ResolveReference'],
      },
      { role: 'gateway message handler', classDecorators: ['WebSocketGateway'], methodDecorators: ['SubscribeMessage'] },
      // Gateways' connection hooks run per connection.
      {
        role: 'gateway connection handler',
        classDecorators: ['WebSocketGateway'],
        methods: ['handleConnection', 'handleDisconnect'],
      },
      { role: 'guard', implements: ['CanActivate'], methods: ['canActivate'] },
      { role: 'guard', extendsCall: ['AuthGuard'], methods: ['canActivate', 'handleRequest', 'getRequest'] },
      { role: 'Passport strategy', extendsCall: ['PassportStrategy'], methods: ['validate'] },
      { role: 'interceptor', implements: ['NestInterceptor'], methods: ['intercept'] },
      { role: 'pipe', implements: ['PipeTransform'], methods: ['transform'] },
      { role: 'middleware', implements: ['NestMiddleware'], methods: ['use'] },
      // Exception filters run on every failing request.
      { role: 'exception filter', classDecorators: ['Catch'], methods: ['catch'] },
      {
        role: 'exception filter',
        implements: ['ExceptionFilter', 'GqlExceptionFilter', 'WsExceptionFilter', 'RpcExceptionFilter'],
        methods: ['catch'],
      },
    ],
  },
  {
    id: 'nestjs',
    label: 'routing-controllers',
    modules: ['routing-controllers'],
    conventions: [
      {
        role: 'controller method',
        classDecorators: ['Controller', 'JsonController'],
        methodDecorators: ['Get', 'Post', 'Put', 'Delete', 'Patch', 'Head', 'All', 'Method'],
      },
      { role: 'middleware', implements: ['ExpressMiddlewareInterface', 'KoaMiddlewareInterface'], methods: ['use'] },
    ],
  },
  {
    id: 'graphql',
    label: 'TypeGraphQL',
    modules: ['type-graphql'],
    conventions: [
      {
        role: 'resolver method',
        classDecorators: ['Resolver'],
        methodDecorators: ['Query', 'Mutation', 'Subscription', 'FieldResolver'],
      },
    ],
  },
  {
    id: 'egg',
    label: 'Egg.js',
    modules: ['egg'],
    // Controllers are routed in app/router.js (`router.get('/', controller.home.index)`): every
    // public method of a class extending egg's Controller can be a route.
    conventions: [{ role: 'controller method', extendsExport: 'Controller' }],
  },
];
