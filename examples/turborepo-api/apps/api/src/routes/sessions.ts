import { Router } from 'express';
import { verifyPassword } from '@acme/auth';
import { loadUsers } from '@acme/storage';

export const sessions = Router();

sessions.post('/sessions', (req, res) => {
  const { email, password } = req.body as { email: string; password: string };
  const user = loadUsers().find((candidate) => candidate.email === email);
  if (!user || !verifyPassword(password, user.password)) {
    res.status(401).json({ error: 'invalid credentials' });
    return;
  }
  res.status(201).json({ userId: user.id });
});
