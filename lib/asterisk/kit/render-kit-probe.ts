export type RenderKitProbeOptions = { stamp: string };

/**
 * [b24-kit]: the version `pbx check` compares with the current settings (ShowDialPlan), and a harmless probe call
 * (Originate Local/probe@b24-kit, nobody rings) whose events show which read rights the app's AMI user has.
 */
export function renderKitProbe({ stamp }: RenderKitProbeOptions): string {
  return [
    '[b24-kit]',
    `exten => version,1,NoOp(${stamp})`,
    ' same => n,Hangup()',
    'exten => probe,1,Set(__B24_CALL_ID=b24-kit-probe)',
    ` same => n,UserEvent(B24KitProbe,Version: ${stamp})`,
    ' same => n,Hangup()',
    '',
  ].join('\n');
}
