import { Router } from 'express';
import { db } from '#storage/users.js';

const router = Router();

// The database module's connection, imported and queried here.
router.get('/tables', (req, res) => {
  res.json(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
});

export default router;
