import express from 'express';
import { DatabaseSync } from 'node:sqlite';
import admin from './routes/admin.js';
import orders from './routes/orders.js';
import users from './routes/users.js';

const app = express();
app.use(express.json());
app.use('/users', users);
app.use('/orders', orders);
app.use('/admin', admin);

// node:sqlite: the same trap as better-sqlite3, written directly in a handler.
const stats = new DatabaseSync(process.env.STATS_DB ?? 'stats.db');
const countHits = stats.prepare('SELECT count(*) AS hits FROM hits WHERE path = ?');

app.get('/stats', (req, res) => {
  res.json(countHits.get(String(req.query.path ?? '/')));
});

app.listen(3000);
