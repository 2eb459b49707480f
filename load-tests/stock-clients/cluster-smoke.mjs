// Three stock yjs + y-websocket clients on three nodes co-edit one project (a quick manual check).
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
const ports = process.argv.slice(2).map(Number);
const base = `http://localhost:${ports[0]}`;
const token = (await (await fetch(`${base}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Alice' }) })).json()).token;
const project = await (await fetch(`${base}/api/projects`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ title: 'cluster smoke' }) })).json();
console.log('project', project.id);
const docs = ports.map((port) => {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(`ws://localhost:${port}/sync`, project.id, doc, { WebSocketPolyfill: WebSocket, params: { token } });
  p.on('status', (e) => console.log(port, e.status));
  p.on('connection-close', (e) => console.log(port, 'closed', e && e.code, e && e.reason));
  return { doc, p, port };
});
await new Promise((r) => setTimeout(r, 2000));
docs.forEach(({ doc, port }, i) => doc.getArray('smoke').push([`from ${port}`]));
const t0 = Date.now();
while (Date.now() - t0 < 10000) {
  if (docs.every(({ doc }) => doc.getArray('smoke').length === docs.length)) break;
  await new Promise((r) => setTimeout(r, 50));
}
docs.forEach(({ doc, port }) => console.log(port, JSON.stringify(doc.getArray('smoke').toArray())));
for (const port of ports) console.log(port, await (await fetch(`http://localhost:${port}/health`)).text());
docs.forEach(({ p }) => p.destroy());
process.exit(0);
