import { readdirSync } from 'node:fs';
import path from 'node:path';
import { NOTES_DIR } from '$lib/server/notes';

// Built once, at build time: reading the notes folder synchronously here is fine
export const prerender = true;

export function GET() {
  const urls = readdirSync(NOTES_DIR).map((name) => `<url><loc>/notes/${path.basename(name, '.md')}</loc></url>`);
  return new Response(`<urlset>${urls.join('')}</urlset>`, { headers: { 'content-type': 'application/xml' } });
}
