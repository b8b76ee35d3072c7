import express from 'express';
import * as customers from '../controllers/customers.js';

const router = express.Router();

router.get('/', customers.index);
router.get('/:id', customers.show);
router.put('/:id', customers.update);

export default router;
