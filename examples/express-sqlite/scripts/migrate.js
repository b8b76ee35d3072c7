// A CLI script: not request-serving code, so its synchronous queries are fine.
import Database from 'better-sqlite3';

const db = new Database(process.argv[2] ?? 'app.db');
db.exec('CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, item TEXT NOT NULL)');
console.log(db.prepare('SELECT count(*) AS n FROM orders').get());
