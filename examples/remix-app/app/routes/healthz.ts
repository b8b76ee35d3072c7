import { access } from 'node:fs/promises';

export async function loader() {
  await access('content/recipes');
  return new Response('ok');
}
