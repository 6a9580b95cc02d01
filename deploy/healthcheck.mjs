// The container's health check: GET /healthz on this machine's server, over TLS when the server speaks
// it (the certificate is not checked here: this is the same machine), else plain HTTP. Exit 0 when it
// answers {"ok":true}, 1 otherwise.
import http from 'node:http';
import https from 'node:https';
import process from 'node:process';

const port = Number(process.env.PORT ?? 8787);

const get = (client) =>
  new Promise((resolve) => {
    const request = client.get(
      { host: '127.0.0.1', port, path: '/healthz', timeout: 4000, rejectUnauthorized: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve(response.statusCode === 200 && body.includes('"ok":true')));
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });

process.exit((await get(https)) || (await get(http)) ? 0 : 1);
