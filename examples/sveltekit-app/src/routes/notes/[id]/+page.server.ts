import { error, fail } from '@sveltejs/kit';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NOTES_DIR, readNote } from '$lib/server/notes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const text = readNote(params.id);
  if (text === null) {
    error(404, 'Note not found');
  }
  const { mtime } = statSync(path.join(NOTES_DIR, `${path.basename(params.id)}.md`));
  return { id: params.id, text, updatedAt: mtime.toISOString() };
};

export const actions = {
  save: async ({ params, request }) => {
    const text = (await request.formData()).get('text');
    if (typeof text !== 'string') {
      return fail(400, { missing: true });
    }
    writeFileSync(path.join(NOTES_DIR, `${path.basename(params.id)}.md`), text);
  },
  delete: async ({ params }) => {
    rmSync(path.join(NOTES_DIR, `${path.basename(params.id)}.md`), { force: true });
  },
} satisfies Actions;
