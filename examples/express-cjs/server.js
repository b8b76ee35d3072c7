'use strict';
const fs = require('fs');
const app = require('./app');

const PORT = Number(process.env.PORT || 3000);

app.listen(PORT, () => {
  // Once, when the server starts: no request is waiting yet.
  fs.writeFileSync('server.pid', String(process.pid));
  console.log(`listening on ${PORT}`);
});
