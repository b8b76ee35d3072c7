import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NextResponse } from 'next/server';
import { POSTS_DIR, getPostBySlug, parsePost, savePost } from '@/lib/posts';

export const runtime = 'nodejs';

export async function GET(request: Request) {
  const { searchParams } = new URL(request.url);
  const slug = searchParams.get('slug');
  if (slug) {
    const post = getPostBySlug(slug);
    return post ? NextResponse.json(post) : NextResponse.json({ error: 'Post not found' }, { status: 404 });
  }

  const tag = searchParams.get('tag');
  const posts = readdirSync(POSTS_DIR)
    .filter((file) => file.endsWith('.md'))
    .map((file) => parsePost(path.basename(file, '.md'), readFileSync(path.join(POSTS_DIR, file), 'utf8')))
    .filter((post) => !tag || post.tags.includes(tag))
    .map(({ content, ...summary }) => ({ ...summary, excerpt: content.slice(0, 200) }));
  return NextResponse.json(posts);
}

export async function POST(request: Request) {
  const body = (await request.json()) as { title?: string; content?: string; tags?: string[] };
  if (!body.title || !body.content) {
    return NextResponse.json({ error: 'title and content are required' }, { status: 400 });
  }

  const slug = body.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (existsSync(path.join(POSTS_DIR, `${slug}.md`))) {
    return NextResponse.json({ error: `A post with slug "${slug}" already exists` }, { status: 409 });
  }

  const date = new Date().toISOString().slice(0, 10);
  savePost(slug, { title: body.title, date, tags: body.tags ?? [], content: body.content });
  return NextResponse.json({ slug }, { status: 201 });
}
