// The server that `npm run experiment` measures, started by scripts/experiment.js in a child process:
//   node scripts/experiment-server.js blocking|awaited <data file> <reads per report>
// GET /fast answers at once. GET /report reads the data file <reads> times: with readFileSync in the
// blocking server, with `await readFile` in its awaited twin. Nothing else differs. It listens on
// 127.0.0.1 at a port the system picks and tells the parent which one over the IPC channel.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

const [mode, dataFile = '', readsArgument] = process.argv.slice(2);
const reads = Number(readsArgument);

const server =
  mode === 'blocking'
    ? createServer((req, res) => {
        if (req.url === '/report') {
          let bytes = 0;
          for (let read = 0; read < reads; read++) bytes += readFileSync(dataFile).length;
          res.end(String(bytes));
          return;
        }
        res.end('ok');
      })
    : createServer(async (req, res) => {
        if (req.url === '/report') {
          let bytes = 0;
          for (let read = 0; read < reads; read++) bytes += (await readFile(dataFile)).length;
          res.end(String(bytes));
          return;
        }
        res.end('ok');
      });

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
// The parent ends the run by disconnecting; the server goes with it.
process.on('disconnect', () => process.exit(0));
