import { json, type RequestHandler } from '@sveltejs/kit';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NOTES_DIR } from '$lib/server/notes';

export const GET: RequestHandler = () => {
  return json(readdirSync(NOTES_DIR).map((name) => path.basename(name, '.md')));
};

export const POST: RequestHandler = async ({ request }) => {
  const { id, text } = (await request.json()) as { id: string; text: string };
  writeFileSync(path.join(NOTES_DIR, `${path.basename(id)}.md`), text);
  return json({ id }, { status: 201 });
};
