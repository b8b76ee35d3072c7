import type { Handle } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';

// Session ids are stored one per line; the file is re-read so revoked sessions end at once
export const handle: Handle = async ({ event, resolve }) => {
  const sessionId = event.cookies.get('session');
  const sessions = readFileSync('data/sessions.txt', 'utf8').split('\n');
  event.locals.signedIn = sessionId !== undefined && sessions.includes(sessionId);
  return resolve(event);
};
