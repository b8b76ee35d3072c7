import { appendFileSync } from 'node:fs';

// Server middleware runs before every request, API or page
export default defineEventHandler((event) => {
  appendFileSync('logs/requests.log', `${new Date().toISOString()} ${event.method} ${event.path}\n`);
});
