import type { AppConfig } from '../../config/load-config';
import type { Db } from '../../db/client';
import { AmiConnection } from '../ami/ami-connection';
import { loadKitInput } from '../kit/load-kit-input';
import { renderInstallKit } from '../kit/render-install-kit';
import { evaluatePbxFacts } from './evaluate-pbx-facts';
import { gatherPbxFacts } from './gather-pbx-facts';
import type { PbxCheckResult, PbxFacts } from './pbx-check-types';

export type CheckPbxesOptions = {
  db: Db;
  portalId: number;
  /** The portal's member_id as the kit sends it to the route (empty for the only portal). */
  portal: string;
  config: Pick<AppConfig, 'PUBLIC_URL' | 'DIALPLAN_LISTEN' | 'DIALPLAN_SECRET' | 'pbxes'>;
};

/**
 * `pbx check` for every configured PBX (also what the admin status page shows): a fresh AMI session per PBX, apart
 * from the app's own, so a check never disturbs call tracking. Users' extensions are checked on the first PBX only:
 * the settings do not say which PBX a desk phone is on.
 */
export async function checkPbxes({ db, portalId, portal, config }: CheckPbxesOptions): Promise<PbxCheckResult[]> {
  const results: PbxCheckResult[] = [];
  const users = await db.user.findMany({
    where: { portalId, active: true, extension: { not: null } },
    orderBy: { id: 'asc' },
    select: { extension: true, name: true },
  });
  for (const [index, pbx] of config.pbxes.entries()) {
    const input = await loadKitInput({ db, portalId, portal, config, pbx });
    let ami: AmiConnection | undefined;
    let facts: PbxFacts;
    try {
      ami = await AmiConnection.open({ ...pbx, connectTimeoutMs: 3000, actionTimeoutMs: 5000 });
      facts = await gatherPbxFacts({
        ami,
        routeUrl: input.routeUrl,
        lines: input.lines,
        users: index === 0 ? users.map((user) => ({ extension: user.extension!, name: user.name })) : [],
      });
    } catch (error) {
      facts = loginFailed(error instanceof Error ? error.message : String(error));
    } finally {
      ami?.close();
    }
    const expectedStamp = renderInstallKit({ flavour: facts.flavour ?? 'asterisk', input }).stamp;
    results.push(...evaluatePbxFacts({ pbx: pbx.name, facts, expectedStamp, routeUrl: input.routeUrl }));
  }
  return results;
}

function loginFailed(error: string): PbxFacts {
  return {
    login: { ok: false, error },
    flavour: null,
    allowed: { originate: null, reporting: null },
    events: null,
    curl: { file: '', route: '' },
    kit: null,
    lines: [],
    users: [],
  };
}
