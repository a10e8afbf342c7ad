import type { KitInput } from './kit-input';
import { renderKitProbe } from './render-kit-probe';
import { stripLeadingComments } from './strip-leading-comments';

export type RenderFreepbxDialplanOptions = { input: KitInput; stamp: string };

/**
 * FreePBX's dialplan part. FreePBX 17 on Asterisk 21+ enters the predial hook with Gosub (no app_macro) and FreePBX 16
 * with Macro, where Return would find no Gosub to return to and hang the call up: the hook leaves with MacroExit when
 * MACRO_DEPTH says a Macro entered it, else with Return, so one kit serves both. The hook honours the
 * app's decision: the line click-to-call set (B24_TRUNK), else the app's answer for a desk phone, else the caller's
 * department fallback line, else FreePBX's own trunk. It dials the lines itself, failing over as the drop-in's
 * [b24-dial-lines] does, and tells FreePBX so (BYPASS).
 */
export function renderFreepbxDialplan({ input, stamp }: RenderFreepbxDialplanOptions): string {
  return [
    '; ---- b24-kit: dialplan ----',
    '; Куда: /etc/asterisk/extensions_custom.conf, затем "fwconsole reload". Если там уже есть',
    '; [macro-dialout-trunk-predial-hook], добавьте в него строку Gosub(b24-predial,s,1()) вместо нашего.',
    '; Where: /etc/asterisk/extensions_custom.conf, then "fwconsole reload". If it already has a',
    '; [macro-dialout-trunk-predial-hook], add the Gosub(b24-predial,s,1()) line to yours instead of ours.',
    renderKitProbe({ stamp }),
    '; Click-to-call: Originate Channel=PJSIP/<ext> Context=outbound Exten=<number> Variable: TRUNK=<line>,',
    "; MANAGER_EXT=<ext>, __B24_DIALS=<dial>^<fallback>… FreePBX's own outbound route then runs (caller ID,",
    '; recording, route rules) and the hook below dials the lines the app chose.',
    '[outbound]',
    'exten => _[+0-9].,1,Set(__B24_TRUNK=${FILTER(A-Za-z0-9_\\-,${TRUNK})})',
    ' same => n,Set(CALLERID(all)=${FILTER(0-9,${MANAGER_EXT})})',
    ' same => n,Goto(from-internal,${FILTER(0-9,${EXTEN})},1)',
    '',
    '[macro-dialout-trunk-predial-hook]',
    'exten => s,1,Gosub(b24-predial,s,1())',
    ' ; FreePBX 16 enters this hook with Macro, FreePBX 17 (Asterisk 21+, no app_macro) with Gosub',
    ' same => n,ExecIf($[0${MACRO_DEPTH} > 0]?MacroExit())',
    ' same => n,Return()',
    '',
    "; Which lines: click-to-call's list (B24_DIALS), else the app's answer for a desk phone, tried in order by the",
    "; drop-in's [b24-dial-lines] (the next only when the gateway could not carry the call); with the app down the",
    "; department's line, else the default; a line the kit does not know is left to FreePBX's own trunk.",
    '[b24-predial]',
    'exten => s,1,Set(B24_LINE=${B24_TRUNK})',
    ' same => n,Set(B24_NUMBER=${FILTER(0-9,${DIAL_NUMBER})})',
    ' same => n,GotoIf($["${B24_DIALS}" = ""]?ask)',
    ' same => n,Gosub(b24-split-dials,s,1())',
    ' same => n,GotoIf($[${B24_DIAL_COUNT} > 0]?lines)',
    ' same => n(ask),GotoIf($[${LEN(${B24_LINE})} > 0]?known)',
    ' same => n,Set(B24_CALLER=${FILTER(0-9,${IF($[${LEN(${AMPUSER})} > 0]?${AMPUSER}:${CALLERID(num)})})})',
    ' same => n,Gosub(route-desk-call,s,1(${B24_NUMBER},${B24_CALLER}))',
    ' same => n,GotoIf($["${ROUTE_METHOD}" = "no_route"]?no_route)',
    ' same => n,Set(B24_LINE=${TRUNK})',
    ' same => n,GotoIf($["${ROUTE_METHOD}" = "app"]?lines)',
    ' same => n,Set(B24_FALLBACK=${GLOBAL(B24_FALLBACK_${B24_CALLER})})',
    ' same => n,ExecIf($[${LEN(${B24_FALLBACK})} > 0]?Set(B24_LINE=${B24_FALLBACK}))',
    ' same => n(known),Set(B24_KEY=${REPLACE(B24_LINE,-,_)})',
    ' ; a line the kit does not know: FreePBX dials its own trunk',
    ' same => n,GotoIf($[${LEN(${GLOBAL(B24_DIALPRE_${B24_KEY})})} = 0]?freepbx)',
    ' same => n,Set(B24_DIAL_1=${GLOBAL(B24_DIALPRE_${B24_KEY})}${B24_NUMBER}${GLOBAL(B24_DIALPOST_${B24_KEY})})',
    ' same => n,Set(B24_DIAL_COUNT=1)',
    " ; only the app's lines: the route's next trunk would put the call on a line the app did not choose",
    ' same => n(lines),Set(PREDIAL_HOOK_RET=BYPASS)',
    ' ; recorded when the app says so, unless FreePBX records it already and its MIXMON_POST uploads that file',
    ' same => n,GotoIf($["${B24_REC_TOKEN}" != "" & "${CDR(recordingfile)}" != ""]?chosen)',
    ' same => n,Gosub(b24-record-call,s,1(${B24_NUMBER},${B24_CALLER}))',
    ' same => n(chosen),UserEvent(B24LineChosen,Line: ${B24_LINE},Number: ${B24_NUMBER},Count: ${B24_DIAL_COUNT})',
    ' same => n,Gosub(b24-dial-lines,s,1(${DIAL_TIMEOUT}))',
    ' same => n,Hangup()',
    ' same => n(freepbx),Return()',
    ' same => n(no_route),Set(PREDIAL_HOOK_RET=BYPASS)',
    ' same => n,Congestion(5)',
    '',
    '; Incoming calls: point the inbound route at the custom destination b24-incoming,<ring group>,1 (a queue:',
    "; b24-incoming-queue,<queue>,1). The client's own manager in the CRM rings first (15 s) when the app names one",
    '; and their phone is free, then the group or queue as before; with the app down, the group at once.',
    '[b24-incoming]',
    'exten => _X.,1,Gosub(b24-manager-first,s,1())',
    ' same => n,Goto(ext-group,${EXTEN},1)',
    '[b24-incoming-queue]',
    'exten => _X.,1,Gosub(b24-manager-first,s,1())',
    ' same => n,Goto(ext-queues,${EXTEN},1)',
    '[b24-manager-first]',
    "; FreePBX dials each extension with DIAL_OPTIONS: inherited by the group's Local legs, its U() records the phone",
    '; that answers when the app says so ([b24-record-answered])',
    'exten => s,1,Set(__DIAL_OPTIONS=${DIAL_OPTIONS}U(b24-record-answered^${FILTER(0-9,${CALLERID(num)})}))',
    ' same => n,Gosub(route-incoming-call,s,1(${FILTER(0-9,${CALLERID(num)})}))',
    ' same => n,GotoIf($["${B24_MANAGER}" = ""]?done)',
    ' same => n,Set(B24_MANAGER_STATE=${DEVICE_STATE(PJSIP/${B24_MANAGER})})',
    ' same => n,GotoIf($["${B24_MANAGER_STATE}" = "INUSE" | "${B24_MANAGER_STATE}" = "BUSY"]?done)',
    ' same => n,Dial(Local/${B24_MANAGER}@from-internal,15)',
    ' same => n(done),Return()',
    '',
    '; [route-desk-call]: asks the app (lib/asterisk/dialplan/desk-phone-routing.conf, the same as on plain Asterisk)',
    stripLeadingComments({ text: input.deskPhoneDropIn }),
  ].join('\n');
}
