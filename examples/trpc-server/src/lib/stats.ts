import { readFileSync } from 'node:fs';

export function todoStats(file: string): { total: number; done: number } {
  const todos = JSON.parse(readFileSync(file, 'utf8')) as { done: boolean }[];
  return { total: todos.length, done: todos.filter((todo) => todo.done).length };
}
