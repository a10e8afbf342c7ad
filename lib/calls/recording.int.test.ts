import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClickToCallHarness, type ClickToCallHarness } from './testing/click-to-call-harness';

describe('recording when the portal has it on (real Asterisk pair)', () => {
  let h: ClickToCallHarness;
  beforeAll(async () => {
    h = await startClickToCallHarness();
    const db = h.testDb.db();
    await db.portalSettings.upsert({
      where: { portalId: h.portalId },
      create: { portalId: h.portalId, recordingEnabled: true },
      update: { recordingEnabled: true },
    });
    await db.listEntry.create({
      data: { portalId: h.portalId, list: 'never_record', value: '7926*', isPattern: true },
    });
  });
  afterAll(async () => h?.close());

  const place = async (number: string) => {
    const db = h.testDb.db();
    const { linkedId } = await h.place({ extension: '103', number });
    await h.tracking.waitForEnd(linkedId, 30_000);
    await h.tracking.flushed();
    return db.call.findUniqueOrThrow({ where: { linkedId }, include: { events: true } });
  };

  it('records the client leg: the journal has the file MixMonitor wrote, with audio in it', async () => {
    const row = await place('79031234566');
    expect(row.recordingPath).toMatch(/\.wav$/);
    expect(row.events.some((e) => e.kind === 'recording')).toBe(true);
    // The path is inside the PBX's chroot; a header-only WAV (44 bytes) would mean nothing was recorded.
    const onHost = path.join(process.env.PEERS_CHROOT ?? '/', row.recordingPath!);
    expect(statSync(onHost).size).toBeGreaterThan(44);
  });

  it('never records a number on the never-record list', async () => {
    const row = await place('79261234566');
    expect(row.status).toBe('ended');
    expect(row.recordingPath).toBeNull();
  });
});
