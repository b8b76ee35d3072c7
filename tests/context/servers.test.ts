/**
 * Handler recognition for servers without a router: node:http/https/http2, Bun.serve, Deno.serve,
 * Socket.IO and ws message handlers.
 */
import { invalid, rule, ruleTester, ts } from './helpers.js';

const nodeServers = ts`
  import fs from 'fs';
  import http from 'node:http';
  import { createSecureServer } from 'node:http2';
  const server = http.createServer();
  server.on('request', (req, res) => res.end(String(fs.existsSync(a))));
  server.on('upgrade', (req, socket) => socket.end(String(fs.existsSync(b))));
  server.on('listening', () => fs.existsSync(c));
  const secure = createSecureServer({}, (req, res) => res.end(String(fs.existsSync(d))));
  secure.on('stream', (stream, headers) => stream.end(String(fs.existsSync(e))));
  new http.Server((req, res) => res.end(String(fs.existsSync(f))));
  export function attach(target: http.Server) {
    target.on('request', (req, res) => res.end(String(fs.existsSync(g))));
  }
`;

const bunAndDeno = ts`
  import fs from 'fs';
  Bun.serve({
    port: 3000,
    routes: {
      '/api/status': () => new Response(String(fs.existsSync(a))),
      '/api/users/:id': { GET: (req) => Response.json(fs.existsSync(b)) },
    },
    fetch(req, server) {
      return new Response(String(fs.existsSync(c)));
    },
    websocket: {
      message(ws, message) {
        ws.send(String(fs.existsSync(d)));
      },
    },
    error(error) {
      return new Response(String(fs.existsSync(e)));
    },
  });
  Deno.serve((req) => new Response(String(fs.existsSync(f))));
  Deno.serve({ port: 4242 }, (req) => new Response(String(fs.existsSync(g))));
  Deno.serve({ handler: (req) => new Response(String(fs.existsSync(h))) });
`;

const socketIo = ts`
  import fs from 'fs';
  import { createServer } from 'node:http';
  import { Server } from 'socket.io';
  const httpServer = createServer();
  const io = new Server(httpServer);
  io.use((socket, next) => next(fs.existsSync(a) ? undefined : new Error('no')));
  io.on('connection', (socket) => {
    socket.emit('hello', fs.existsSync(b));
    socket.on('chat message', (message) => {
      socket.broadcast.emit('chat message', fs.existsSync(c));
    });
  });
  io.of('/admin').on('connection', onAdmin);
  function onAdmin(socket) {
    socket.on('ban', () => fs.existsSync(d));
  }
`;

const wsServer = ts`
  import fs from 'fs';
  import { WebSocketServer } from 'ws';
  const wss = new WebSocketServer({ port: 8080 });
  wss.on('connection', function connection(ws, request) {
    ws.on('message', function message(data) {
      ws.send(String(fs.existsSync(a)));
    });
    ws.send(String(fs.existsSync(b)));
  });
  wss.on('listening', () => fs.existsSync(c));
`;

ruleTester.run('context: node:http, https, http2', rule, {
  valid: [],
  invalid: [
    invalid("request, upgrade and stream events, createSecureServer, new Server, a typed parameter; not 'listening'", nodeServers, {
      'fs.existsSync(a)': 'node:http request listener',
      'fs.existsSync(b)': 'node:http upgrade listener',
      'fs.existsSync(d)': 'node:http2 request listener',
      'fs.existsSync(e)': 'node:http2 stream listener',
      'fs.existsSync(f)': 'node:http request listener',
      'fs.existsSync(g)': 'node:http request listener',
    }),
  ],
});

ruleTester.run('context: Bun.serve and Deno.serve', rule, {
  valid: [
    {
      name: 'a local Bun or Deno is not the global',
      code: ts`
        import fs from 'fs';
        import { Bun, Deno } from './runtime';
        Bun.serve({ fetch: () => fs.existsSync(a) });
        Deno.serve(() => fs.existsSync(b));
      `,
    },
  ],
  invalid: [
    invalid('routes, fetch, websocket, error; Deno.serve with and without options', bunAndDeno, {
      'fs.existsSync(a)': 'Bun.serve route handler',
      'fs.existsSync(b)': 'Bun.serve route handler',
      'fs.existsSync(c)': 'Bun.serve fetch handler',
      'fs.existsSync(d)': 'Bun.serve WebSocket message handler',
      'fs.existsSync(e)': 'Bun.serve error handler',
      'fs.existsSync(f)': 'Deno.serve handler',
      'fs.existsSync(g)': 'Deno.serve handler',
      'fs.existsSync(h)': 'Deno.serve handler',
    }),
  ],
});

ruleTester.run('context: Socket.IO and ws', rule, {
  valid: [],
  invalid: [
    invalid('Socket.IO middleware, connection listeners, event handlers, namespaces', socketIo, {
      'fs.existsSync(a)': 'Socket.IO middleware',
      'fs.existsSync(b)': 'Socket.IO connection listener',
      'fs.existsSync(c)': 'Socket.IO event handler',
      'fs.existsSync(d)': 'Socket.IO event handler',
    }),
    invalid("ws connection and message listeners; not 'listening'", wsServer, {
      'fs.existsSync(a)': 'ws message listener',
      'fs.existsSync(b)': 'ws connection listener',
    }),
  ],
});
