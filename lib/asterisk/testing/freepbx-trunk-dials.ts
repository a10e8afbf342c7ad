/** The FreePBX-shaped profile's dial template for each demo line: hyphenated PJSIP trunks, MegaFon over IAX2. */
export const FREEPBX_TRUNK_DIALS: Record<string, string> = {
  beeline: 'PJSIP/{number}@Beeline-GoIP',
  megafon: 'IAX2/MegaFon-IAX/{number}',
  mts: 'PJSIP/{number}@MTS-GoIP',
  hr1: 'PJSIP/{number}@HR1-GoIP',
  hr2: 'PJSIP/{number}@HR2-GoIP',
};
