/** Handler recognition for tRPC procedures and GraphQL resolver maps (Apollo, Yoga, graphql-tools, Mercurius). */
import { invalid, rule, ruleTester, ts } from './helpers.js';

const trpcInit = ts`
  import fs from 'fs';
  import { initTRPC, TRPCError } from '@trpc/server';
  import { z } from 'zod';
  const t = initTRPC.context<{ user?: string }>().create();
  const isAuthed = t.middleware(({ ctx, next }) => {
    if (!fs.existsSync(a)) throw new TRPCError({ code: 'UNAUTHORIZED' });
    return next();
  });
  export const publicProcedure = t.procedure;
  const authed = t.procedure.use(isAuthed);
  export const appRouter = t.router({
    greeting: publicProcedure.input(z.object({ name: z.string() })).query(({ input }) => fs.existsSync(b)),
    update: authed.input(z.string()).mutation(async ({ input }) => fs.existsSync(c)),
    onAdd: t.procedure.subscription(async function* () {
      yield fs.existsSync(d);
    }),
  });
`;

const trpcRouterFile = ts`
  import fs from 'fs';
  import { router, publicProcedure, protectedProcedure } from '../trpc';
  export const postRouter = router({
    list: publicProcedure.query(() => fs.existsSync(a)),
    create: protectedProcedure.use(async ({ next }) => next({ ctx: { ok: fs.existsSync(b) } })).mutation(() => fs.existsSync(c)),
  });
`;

const apollo = ts`
  import fs from 'fs';
  import { ApolloServer } from '@apollo/server';
  const typeDefs = 'type Query { books: [Book] }';
  const resolvers = {
    Query: {
      books: () => fs.existsSync(a),
      book(parent, args) {
        return fs.existsSync(b);
      },
    },
    Mutation: {
      addBook: { resolve: async (parent, args) => fs.existsSync(c) },
    },
    Book: {
      author: (book) => fs.existsSync(d),
    },
  };
  const server = new ApolloServer({ typeDefs, resolvers });
`;

const yogaInline = ts`
  import fs from 'fs';
  import { createSchema, createYoga } from 'graphql-yoga';
  export const yoga = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { hello: String }',
      resolvers: {
        Author: { posts: (author) => fs.existsSync(a) },
      },
    }),
  });
`;

const codegenTyped = ts`
  import fs from 'fs';
  import type { QueryResolvers, Resolvers } from './generated/graphql';
  export const Query: QueryResolvers = {
    me: () => fs.existsSync(a),
  };
  export const User = {
    friends: () => fs.existsSync(b),
  };
  export const resolvers: Resolvers = { Query, User: { name: () => fs.existsSync(c) } };
`;

ruleTester.run('context: tRPC', rule, {
  valid: [
    {
      name: '.query(fn) and .use(fn) on something that is not a procedure',
      code: ts`
        import fs from 'fs';
        const db = connect();
        db.query(() => fs.existsSync(a));
        app.use(() => fs.existsSync(b));
        const store = createStore();
        store.mutation(() => fs.existsSync(c));
      `,
    },
  ],
  invalid: [
    invalid('initTRPC: middleware, query, mutation and subscription resolvers', trpcInit, {
      'fs.existsSync(a)': 'tRPC middleware',
      'fs.existsSync(b)': 'tRPC query resolver',
      'fs.existsSync(c)': 'tRPC mutation resolver',
      'fs.existsSync(d)': 'tRPC subscription resolver',
    }),
    invalid('a router file using procedures imported from the app’s trpc.ts', trpcRouterFile, {
      'fs.existsSync(a)': 'tRPC query resolver',
      'fs.existsSync(b)': 'tRPC middleware',
      'fs.existsSync(c)': 'tRPC mutation resolver',
    }),
  ],
});

ruleTester.run('context: GraphQL resolver maps', rule, {
  valid: [
    {
      name: 'objects that are not resolver maps',
      code: ts`
        import fs from 'fs';
        const handlers = { users: { list: () => fs.existsSync(a) } };
        const config = { Query: 'x', load: () => fs.existsSync(b) };
      `,
    },
  ],
  invalid: [
    invalid('Apollo: Query, Mutation (field resolve) and type field resolvers', apollo, {
      'fs.existsSync(a)': 'GraphQL resolver',
      'fs.existsSync(b)': 'GraphQL resolver',
      'fs.existsSync(c)': 'GraphQL resolver',
      'fs.existsSync(d)': 'GraphQL resolver',
    }),
    invalid('Yoga: a resolvers option without root types', yogaInline, { 'fs.existsSync(a)': 'GraphQL resolver' }),
    invalid('graphql-codegen: Resolvers and QueryResolvers types, a root-type constant', codegenTyped, {
      'fs.existsSync(a)': 'GraphQL resolver',
      'fs.existsSync(c)': 'GraphQL resolver',
    }),
  ],
});
