import { readFileSync } from 'node:fs';
import path from 'node:path';

const NOTES_DIR = path.resolve('data/notes');

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function renderNote(id: string): string {
  const text = readFileSync(path.join(NOTES_DIR, `${path.basename(id)}.md`), 'utf8');
  const body = text
    .split('\n\n')
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('\n');
  return `<article>${body}</article>`;
}
