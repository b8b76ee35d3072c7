'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const express = require('express');

const UPLOAD_DIR = process.env.UPLOAD_DIR || path.join(__dirname, '..', 'uploads');

const router = express.Router();

router.get('/', function (req, res) {
  res.json(fs.readdirSync(UPLOAD_DIR));
});

router.get('/:name', function (req, res) {
  const file = path.join(UPLOAD_DIR, path.basename(req.params.name));
  if (!fs.existsSync(file)) return res.sendStatus(404);
  res.sendFile(file);
});

router.post('/archive', function (req, res) {
  const archive = path.join(UPLOAD_DIR, `archive-${Date.now()}.tar.gz`);
  execFileSync('tar', ['-czf', archive, '-C', UPLOAD_DIR, '.']);
  res.download(archive);
});

module.exports = router;
