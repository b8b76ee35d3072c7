import Router from '@koa/router';
import path from 'node:path';
import { createTagsController } from '../controllers/tags.js';

const router = new Router({ prefix: '/documents/:name/tags' });
const tags = createTagsController({ file: path.resolve('data/tags.json') });

router.get('/', tags.list);
router.put('/', tags.update);

export default router;
