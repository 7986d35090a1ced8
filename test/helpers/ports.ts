/** Loopback ports for tests of what happens when nothing answers. */
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';

/** A port that was just free: bind, read the port, close. Nothing listens there now. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
