import { Router } from 'express';
import { OrderRepository } from '#storage/orders.js';

const router = Router();
const repository = new OrderRepository();

router.get('/:userId', async (req, res) => {
  res.json(await repository.forUser(Number(req.params.userId)));
});

router.post('/', async (req, res) => {
  res.status(201).json(repository.create(req.body));
});

export default router;
