// The storage layer: one better-sqlite3 connection for the process, opened at start-up.
import Database from 'better-sqlite3';

export const db = new Database(process.env.DB_PATH ?? 'app.db');
// Start-up: runs once, before the server takes requests.
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT, email TEXT)');

const byId = db.prepare('SELECT * FROM users WHERE id = ?');
const insert = db.prepare('INSERT INTO users (name, email) VALUES (?, ?)');
const insertMany = db.transaction((rows) => {
  for (const row of rows) insert.run(row.name, row.email);
});

export function findUser(id) {
  return byId.get(id);
}

export function searchUsers(text) {
  return db.prepare('SELECT * FROM users WHERE name LIKE ? ORDER BY name').all(`%${text}%`);
}

export function importUsers(rows) {
  insertMany(rows);
  return rows.length;
}

// better-sqlite3's backup() is asynchronous: it copies between event-loop turns.
export function backupTo(path) {
  return db.backup(path);
}
