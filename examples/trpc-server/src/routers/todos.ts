import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { todoStats } from '../lib/stats.js';
import { adminProcedure, publicProcedure, router } from '../trpc.js';

const TODOS_FILE = 'data/todos.json';

interface Todo {
  id: number;
  title: string;
  done: boolean;
}

export const todosRouter = router({
  list: publicProcedure.query(() => JSON.parse(readFileSync(TODOS_FILE, 'utf8')) as Todo[]),
  byId: publicProcedure.input(z.number()).query(async ({ input }) => {
    const todos = JSON.parse(await readFile(TODOS_FILE, 'utf8')) as Todo[];
    return todos.find((todo) => todo.id === input) ?? null;
  }),
  stats: publicProcedure.query(() => todoStats(TODOS_FILE)),
  add: adminProcedure.input(z.object({ title: z.string().min(1) })).mutation(({ input }) => {
    const todos = JSON.parse(readFileSync(TODOS_FILE, 'utf8')) as Todo[];
    const todo = { id: todos.length + 1, title: input.title, done: false };
    writeFileSync(TODOS_FILE, JSON.stringify([...todos, todo], null, 2));
    return todo;
  }),
});
