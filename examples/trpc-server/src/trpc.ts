import { initTRPC, TRPCError } from '@trpc/server';
import { readFileSync } from 'node:fs';

export interface Context {
  token?: string;
}

const t = initTRPC.context<Context>().create();

// Admin tokens live in a file operators edit by hand; it is read on every admin call
const isAdmin = t.middleware(({ ctx, next }) => {
  const tokens = readFileSync('config/admin-tokens.txt', 'utf8').split('\n');
  if (!ctx.token || !tokens.includes(ctx.token)) {
    throw new TRPCError({ code: 'UNAUTHORIZED' });
  }
  return next();
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const adminProcedure = t.procedure.use(isAdmin);
