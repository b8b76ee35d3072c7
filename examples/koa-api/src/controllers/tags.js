import { readFileSync, writeFileSync } from 'node:fs';

// Tags of each document, kept in one JSON file. The controller is made by a factory that is given
// its storage, the way many Koa apps wire their dependencies without classes.
export function createTagsController({ file }) {
  function readAll() {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return {};
    }
  }

  return {
    list(ctx) {
      ctx.body = readAll()[ctx.params.name] ?? [];
    },

    async update(ctx) {
      const tags = readAll();
      tags[ctx.params.name] = [...new Set(ctx.request.body.tags)];
      writeFileSync(file, JSON.stringify(tags, null, 2));
      ctx.status = 204;
    },
  };
}
