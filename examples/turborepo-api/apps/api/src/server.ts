import express from 'express';
import { hashPassword } from '@acme/auth';
import { loadUsers } from '@acme/storage';
import { sessions } from './routes/sessions.js';
import { uploads } from './routes/uploads.js';

// At start-up: the users are read once and the bootstrap password hashed before any request.
const users = loadUsers();
if (users.length === 0 && process.env.ADMIN_PASSWORD) {
  console.log('bootstrap admin', hashPassword(process.env.ADMIN_PASSWORD).salt);
}

const app = express();
app.use(express.json());
app.use(sessions);
app.use(uploads);

app.listen(Number(process.env.PORT ?? 3000));
