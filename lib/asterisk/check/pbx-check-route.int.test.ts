import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as pbxCheck } from '../../../app/api/pbx-check/route';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { freepbxTestPbx } from '../testing/freepbx-profile';
import { seedFreepbxPortal } from '../testing/seed-freepbx-portal';

// The admin status page's PBX check: the standalone installation's local portal, the FreePBX-shaped PBX without the
// kit. The route answers every check's result; the kit's absence is one of them.

const APP = 'http://127.0.0.1:3000';
let test: TestDatabase;

describe('POST /api/pbx-check', () => {
  beforeAll(async () => {
    test = await createTestDatabase({ kind: 'sqlite' });
    await seedFreepbxPortal({ db: test.db() });
    const pbx = freepbxTestPbx();
    // read once, on the route's first getConfig()
    Object.assign(process.env, {
      DATABASE_URL: `file:${test.database.kind === 'sqlite' ? test.database.file : ''}`,
      PUBLIC_URL: APP,
      AMI_HOST: pbx.host,
      AMI_PORT: String(pbx.port),
      AMI_USER: pbx.user,
      AMI_SECRET: pbx.secret,
      AMI_PBX_NAME: 'fpbx',
      LOG_LEVEL: 'error',
    });
    delete process.env.AMI_PBXES;
    delete process.env.B24_CLIENT_ID;
  });
  afterAll(async () => test?.dispose());

  it('answers one result per check, the missing kit among them', async () => {
    const response = await pbxCheck(
      new Request(`${APP}/api/pbx-check`, {
        method: 'POST',
        headers: { host: '127.0.0.1:3000', origin: APP, 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(response.status).toBe(200);
    const { results, passed } = (await response.json()) as {
      results: Array<{ check: string; status: string; subject?: string }>;
      passed: boolean;
    };
    expect(passed).toBe(false);
    expect(results).toContainEqual(expect.objectContaining({ check: 'ami-login', status: 'pass' }));
    expect(results).toContainEqual(expect.objectContaining({ check: 'kit-contexts', status: 'fail' }));
    expect(results).toContainEqual(expect.objectContaining({ check: 'line', subject: 'HR1-GoIP', status: 'pass' }));
  });
});
