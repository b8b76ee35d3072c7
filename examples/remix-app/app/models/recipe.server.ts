import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const RECIPES_DIR = path.resolve('content/recipes');

export interface Recipe {
  slug: string;
  title: string;
  body: string;
}

export function getRecipe(slug: string): Recipe {
  const [title = slug, ...rest] = readFileSync(path.join(RECIPES_DIR, `${path.basename(slug)}.md`), 'utf8').split('\n');
  return { slug, title: title.replace(/^#\s*/, ''), body: rest.join('\n') };
}

export function recipeSlugs(): string[] {
  return readdirSync(RECIPES_DIR).map((name) => path.basename(name, '.md'));
}
