'use strict';
const fs = require('fs');
const path = require('path');
const express = require('express');
const morgan = require('morgan');

const audit = require('./middleware/audit');
const usersRouter = require('./routes/users');
const filesRouter = require('./routes/files');

// Read when the module loads, before the server listens.
const settings = JSON.parse(fs.readFileSync(path.join(__dirname, 'config', 'settings.json'), 'utf8'));

const app = express();
app.set('trust proxy', settings.trustProxy);
app.use(morgan('combined'));
app.use(express.json());
app.use(audit);
app.use('/users', usersRouter);
app.use('/files', filesRouter);

app.get('/health', function (req, res) {
  res.json({ ok: true, version: settings.version });
});

module.exports = app;
