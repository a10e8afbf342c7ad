import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export type ClaimSqliteInstanceOptions = { databaseFile: string; pid?: number };
export type SqliteInstanceClaim = { ok: true; release: () => void } | { ok: false; holderPid: number };

/**
 * SQLite serves one app instance: two would each open their own AMI session and track every call twice. The server
 * claims `<database>.instance` (created exclusively, holding its pid); a second server finds the holder alive and
 * refuses. A file left by a killed process names a dead pid and is taken over.
 */
export function claimSqliteInstance({
  databaseFile,
  pid = process.pid,
}: ClaimSqliteInstanceOptions): SqliteInstanceClaim {
  const lockFile = `${databaseFile}.instance`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(pid));
      closeSync(fd);
      const release = () => {
        if (readHolder(lockFile) === pid) rmSync(lockFile, { force: true });
      };
      process.once('exit', release);
      return { ok: true, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holderPid = readHolder(lockFile);
      if (holderPid !== null && holderPid !== pid && isAlive(holderPid)) return { ok: false, holderPid };
      rmSync(lockFile, { force: true });
    }
  }
  return { ok: false, holderPid: readHolder(lockFile) ?? 0 };
}

function readHolder(lockFile: string): number | null {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
