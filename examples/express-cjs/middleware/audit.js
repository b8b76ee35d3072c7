'use strict';
const fs = require('fs');
const path = require('path');

const AUDIT_LOG = process.env.AUDIT_LOG || path.join(__dirname, '..', 'logs', 'audit.log');

// One line per request: who called what, and when.
module.exports = function audit(req, res, next) {
  fs.appendFileSync(AUDIT_LOG, `${new Date().toISOString()} ${req.ip} ${req.method} ${req.originalUrl}\n`);
  next();
};
