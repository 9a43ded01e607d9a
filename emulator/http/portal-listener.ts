/**
 * One listener per portal, so every portal is the root of its own origin (`http://127.0.0.1:{port}/`)
 * as a real portal is (`https://{portal}/`): webhook URLs, client_endpoint, DOMAIN and links keep
 * the real shape (docs/decisions/005-emulator-portal-per-port.md).
 *
 * An https portal's port speaks both protocols: the first byte of a connection tells a TLS
 * handshake (0x16) from plain HTTP, so a plain call still reaches the portal and gets the answer a
 * real https portal gives it (REST: INVALID_REQUEST "Https required"; pages: a redirect to https).
 */
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { AddressInfo } from "node:net";

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface Listener {
  port: number;
  close(): Promise<void>;
}

const TLS_HANDSHAKE = 0x16;

export async function listenDual(host: string, port: number, handler: RequestHandler, tls: { key: string; cert: string } | null): Promise<Listener> {
  const plain = http.createServer(handler);
  const secure = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : null;
  const sockets = new Set<net.Socket>();
  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    socket.once("data", (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (secure && first[0] === TLS_HANDSHAKE ? secure : plain).emit("connection", socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once("error", reject);
    front.listen(port, host, () => resolve());
  });
  return {
    port: (front.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        front.close(() => resolve());
      }),
  };
}
