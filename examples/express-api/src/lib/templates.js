import fs from 'node:fs';
import path from 'node:path';

const TEMPLATE_DIR = path.resolve('templates');

// The shared layout is loaded once, when the module is first imported
const layout = fs.readFileSync(path.join(TEMPLATE_DIR, '_layout.html'), 'utf8');

function escapeHtml(value) {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

export function renderTemplate(name, values = {}) {
  const file = path.join(TEMPLATE_DIR, `${path.basename(name)}.html`);
  const body = fs.readFileSync(file, 'utf8');
  const filled = body.replace(/\{\{(\w+)\}\}/g, (_, key) => escapeHtml(values[key] ?? ''));
  return layout.replace('{{content}}', filled);
}
