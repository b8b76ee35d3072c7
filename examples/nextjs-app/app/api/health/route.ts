import { constants } from 'node:fs';
import { access, readdir } from 'node:fs/promises';
import { NextResponse } from 'next/server';
import { POSTS_DIR } from '@/lib/posts';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await access(POSTS_DIR, constants.R_OK);
    const files = await readdir(POSTS_DIR);
    return NextResponse.json({ status: 'ok', posts: files.filter((file) => file.endsWith('.md')).length });
  } catch (error) {
    return NextResponse.json({ status: 'error', message: (error as Error).message }, { status: 503 });
  }
}
