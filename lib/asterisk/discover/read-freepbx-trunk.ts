import { DIAL_TECHNOLOGIES, type DialTechnology } from '../../routing/dial-template/check-dial-template';
import type { PbxEndpoint } from './types';

/**
 * The endpoint behind a FreePBX trunk global (`OUT_1`), as FreePBX writes it: `AMP:PJSIP/$OUTNUM$@Beeline-GoIP`,
 * `PJSIP/Beeline-GoIP`, `SIP/beeline`, `IAX2/MegaFon-IAX`, `DONGLE/g1`. Null for anything else (ZAP, custom).
 */
export function readFreepbxTrunk(value: string): PbxEndpoint | null {
  const dial = value.trim().replace(/^AMP:/i, '');
  const slash = dial.indexOf('/');
  if (slash < 0) return null;
  const technology = DIAL_TECHNOLOGIES.find((t) => t.toLowerCase() === dial.slice(0, slash).toLowerCase());
  if (!technology) return null;
  const rest = dial.slice(slash + 1);
  const at = rest.lastIndexOf('@');
  const name = (at >= 0 ? rest.slice(at + 1) : rest.split('/')[0])?.trim() ?? '';
  return /^[A-Za-z0-9_.:~!-]{1,64}$/.test(name) ? { technology: technology as DialTechnology, name } : null;
}
