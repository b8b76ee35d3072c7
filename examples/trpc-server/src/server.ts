import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { readFileSync } from 'node:fs';
import { todosRouter } from './routers/todos.js';
import { router } from './trpc.js';

const { port } = JSON.parse(readFileSync('config/server.json', 'utf8')) as { port: number };

export const appRouter = router({ todos: todosRouter });
export type AppRouter = typeof appRouter;

createHTTPServer({
  router: appRouter,
  createContext: ({ req }) => ({ token: req.headers.authorization?.replace(/^Bearer /, '') }),
}).listen(port);
