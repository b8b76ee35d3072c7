import { Router } from 'express';
import { backupTo, findUser, importUsers, searchUsers } from '#storage/users.js';

const router = Router();

router.get('/', async (req, res) => {
  res.json(searchUsers(String(req.query.q ?? '')));
});

router.get('/:id', (req, res) => {
  const user = findUser(req.params.id);
  if (!user) return res.sendStatus(404);
  res.json(user);
});

router.post('/import', async (req, res) => {
  res.json({ imported: importUsers(req.body) });
});

// Asynchronous: not reported.
router.post('/backup', async (req, res) => {
  await backupTo(`backups/${Date.now()}.db`);
  res.sendStatus(204);
});

export default router;
