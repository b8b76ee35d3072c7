import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const POSTS_DIR = path.join(process.cwd(), 'content', 'posts');

export interface Post {
  slug: string;
  title: string;
  date: string;
  tags: string[];
  content: string;
}

export function parsePost(slug: string, raw: string): Post {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(raw);
  const meta = new Map(
    (match?.[1] ?? '').split('\n').map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()] as const;
    }),
  );
  const tags = meta.get('tags')?.split(',').map((tag) => tag.trim()) ?? [];
  return { slug, title: meta.get('title') ?? slug, date: meta.get('date') ?? '', tags, content: match?.[2] ?? raw };
}

export function getPostBySlug(slug: string): Post | null {
  const file = path.join(POSTS_DIR, `${path.basename(slug)}.md`);
  if (!existsSync(file)) {
    return null;
  }
  return parsePost(slug, readFileSync(file, 'utf8'));
}

export function getAllPosts(): Post[] {
  return readdirSync(POSTS_DIR)
    .filter((file) => file.endsWith('.md'))
    .map((file) => parsePost(path.basename(file, '.md'), readFileSync(path.join(POSTS_DIR, file), 'utf8')))
    .sort((a, b) => b.date.localeCompare(a.date));
}

export function savePost(slug: string, post: Omit<Post, 'slug'>): void {
  const frontmatter = [`title: ${post.title}`, `date: ${post.date}`, `tags: ${post.tags.join(', ')}`].join('\n');
  mkdirSync(POSTS_DIR, { recursive: true });
  writeFileSync(path.join(POSTS_DIR, `${slug}.md`), `---\n${frontmatter}\n---\n${post.content}\n`);
}
