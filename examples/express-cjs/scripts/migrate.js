'use strict';
// Run by hand before a deploy (`npm run migrate`): a script, so sync calls are fine here.
const fs = require('fs');
const path = require('path');

const DATA_DIR = path.join(__dirname, '..', 'data');
const file = path.join(DATA_DIR, 'users.json');

if (!fs.existsSync(DATA_DIR)) fs.mkdirSync(DATA_DIR, { recursive: true });
const users = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
for (const user of users) user.email = String(user.email || '').toLowerCase();
fs.writeFileSync(file, JSON.stringify(users, null, 2));
console.log(`migrated ${users.length} users`);
