'use strict';
const crypto = require('crypto');
const db = require('../lib/json-db');

const USERS = 'users.json';

function withoutSecrets({ passwordHash, salt, ...user }) {
  return user;
}

function hashPassword(password, salt) {
  return crypto.pbkdf2Sync(password, salt, 310000, 32, 'sha256').toString('hex');
}

function findAll() {
  return db.readJson(USERS).map(withoutSecrets);
}

function findById(id) {
  return findAll().find((user) => user.id === id);
}

function create({ name, email, password }) {
  const users = db.readJson(USERS);
  const salt = crypto.randomBytes(16).toString('hex');
  const user = { id: crypto.randomUUID(), name, email, salt, passwordHash: hashPassword(password, salt) };
  users.push(user);
  db.writeJson(USERS, users);
  return withoutSecrets(user);
}

module.exports = { findAll, findById, create };
