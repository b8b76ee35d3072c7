/**
 * With type information: the types by which a framework's request-serving code is recognised,
 * whatever the code looks like (a router passed as a parameter, a handler exported from a helper
 * module). Names are the names the types are declared under; only the checker reads this table.
 */
import type { CheckedTypes } from './types.js';

export const checkedTypes: readonly CheckedTypes[] = [
  {
    framework: 'express',
    label: 'Express',
    modules: ['express', 'express-serve-static-core'],
    instances: { Router: 'express.app', IRouter: 'express.app', Express: 'express.app', Application: 'express.app' },
    requests: ['Request'],
  },
  {
    framework: 'fastify',
    label: 'Fastify',
    modules: ['fastify'],
    instances: { FastifyInstance: 'fastify' },
    requests: ['FastifyRequest'],
  },
  {
    framework: 'koa',
    label: 'Koa',
    modules: ['koa'],
    instances: { Application: 'koa' },
    requests: ['Context', 'ParameterizedContext'],
  },
  {
    framework: 'koa',
    label: 'Koa router',
    modules: ['@koa/router', 'koa-router'],
    instances: { Router: 'koa.router' },
    requests: ['RouterContext'],
  },
  { framework: 'hono', label: 'Hono', modules: ['hono'], instances: { Hono: 'hono' }, requests: ['Context'] },
  { framework: 'nextjs', label: 'Next.js', modules: ['next'], requests: ['NextRequest'] },
  { framework: 'nuxt', label: 'h3', modules: ['h3'], requests: ['H3Event'] },
  {
    framework: 'http',
    label: 'node:http',
    modules: ['http', 'https'],
    instances: { Server: 'node:http' },
    requests: ['IncomingMessage'],
  },
];
