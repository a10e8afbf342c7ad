import net from 'node:net';

export type ProbeAmiOptions = { host: string; port: number; timeoutMs?: number };
export type AmiProbe = { reachable: boolean; banner?: string; latencyMs?: number; error?: string };

/**
 * Opens a TCP connection and reads the AMI greeting ("Asterisk Call Manager/x.y.z"), then hangs up without logging in.
 * Cheap enough for a health check and proves a live Asterisk is listening, not just an open port.
 */
export function probeAmi({ host, port, timeoutMs = 1500 }: ProbeAmiOptions): Promise<AmiProbe> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let buffer = '';
    const finish = (result: AmiProbe) => {
      socket.destroy();
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ reachable: false, error: `no AMI greeting within ${timeoutMs} ms` }),
      timeoutMs,
    );
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\r\n');
      if (end === -1) return;
      const banner = buffer.slice(0, end);
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      if (banner.startsWith('Asterisk Call Manager')) finish({ reachable: true, banner, latencyMs });
      else finish({ reachable: false, error: `not an AMI greeting: ${banner.slice(0, 80)}` });
    });
    socket.on('error', (error) => finish({ reachable: false, error: error.message }));
  });
}
