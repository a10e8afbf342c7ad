import type { KitInput } from './kit-input';
import { renderKitProbe } from './render-kit-probe';

export type RenderAsteriskDialplanOptions = { input: KitInput; stamp: string };

/**
 * Plain Asterisk's dialplan part: click-to-call's [outbound], dialling a line by its name, desk phones through the
 * product's drop-in plus the departments' fallback lines. Nothing that arrives from outside reaches Dial() unfiltered.
 */
export function renderAsteriskDialplan({ input, stamp }: RenderAsteriskDialplanOptions): string {
  return [
    '; ---- b24-kit: dialplan ----',
    '; Куда: в extensions.conf (или файл, который он включает через #include), затем "dialplan reload".',
    '; Where: extensions.conf (or a file it #includes), then "dialplan reload". Desk phones: call it from your',
    '; [from-internal] before dialling out, e.g.',
    ';   exten => _[78]XXXXXXXXXX,1,Gosub(b24-desk-call,s,1(${FILTER(0-9,${EXTEN})},${FILTER(0-9,${CALLERID(num)})}))',
    ';    same => n,GotoIf($["${TRUNK}" = ""]?congestion)',
    ';    same => n,Gosub(b24-dial-line,s,1(${FILTER(0-9,${EXTEN})}))',
    ';    same => n,Hangup()',
    ';    same => n(congestion),Congestion(5)',
    renderKitProbe({ stamp }),
    '; Click-to-call: Originate Channel=PJSIP/<ext> Context=outbound Exten=<number>',
    ';   Variable: __B24_CALL_ID=<id>,TRUNK=<line>,MANAGER_EXT=<ext>',
    '[outbound]',
    'exten => _[+0-9].,1,Set(DIAL_NUMBER=${FILTER(0-9,${EXTEN})})',
    " ; otherwise the client's phone would show the client's own number (the Originate CallerID)",
    ' same => n,Set(CALLERID(all)=${FILTER(0-9,${MANAGER_EXT})})',
    ' same => n,Set(CDR(userfield)=${FILTER(A-Za-z0-9._\\-,${B24_CALL_ID})})',
    " ; the app's lines in order (B24_DIALS), checked by the drop-in's [b24-split-dials]; else TRUNK alone",
    ' same => n,ExecIf($["${B24_DIALS}" = ""]?Set(B24_DIAL_COUNT=0))',
    ' same => n,GotoIf($["${B24_DIALS}" = ""]?dial)',
    ' same => n,Gosub(b24-split-dials,s,1())',
    ' same => n(dial),Gosub(b24-dial-line,s,1(${DIAL_NUMBER}))',
    ' same => n,Hangup()',
    '',
    "; Dials the app's lines (B24_DIAL_1…, with failover: the drop-in's [b24-dial-lines]) when there are any, else",
    '; ARG1 (digits) through the line named by ${TRUNK}; a line the kit does not know takes DEFAULT_TRUNK.',
    '[b24-dial-line]',
    'exten => s,1,Set(B24_NUMBER=${FILTER(0-9,${ARG1})})',
    ' same => n,GotoIf($[0${B24_DIAL_COUNT} > 0]?lines)',
    ' same => n,Set(B24_KEY=${REPLACE(TRUNK,-,_)})',
    ' same => n,GotoIf($[${LEN(${GLOBAL(B24_DIALPRE_${B24_KEY})})} > 0]?dial)',
    ' same => n,UserEvent(B24TrunkFallback,Requested: ${TRUNK},Used: ${DEFAULT_TRUNK},Number: ${B24_NUMBER})',
    ' same => n,Set(TRUNK=${DEFAULT_TRUNK})',
    ' same => n,Set(B24_KEY=${REPLACE(TRUNK,-,_)})',
    ' same => n(dial),Dial(${GLOBAL(B24_DIALPRE_${B24_KEY})}${B24_NUMBER}${GLOBAL(B24_DIALPOST_${B24_KEY})},' +
      '${DIAL_TIMEOUT},b(b24-trunk-predial^s^1))',
    ' same => n(result),UserEvent(B24DialResult,B24CallId: ${B24_CALL_ID},DialStatus: ${DIALSTATUS},Trunk: ${TRUNK})',
    ' same => n,Return()',
    ' same => n(lines),Gosub(b24-dial-lines,s,1(${DIAL_TIMEOUT},b24-trunk-predial))',
    ' same => n,Goto(result)',
    '',
    "; On the line's channel before it dials: tag it for the gateway; a click-to-call whose Originate brought the",
    '; recording token (B24_REC_TOKEN) records the client leg.',
    '[b24-trunk-predial]',
    'exten => s,1,Set(CALL_TAG=${FILTER(A-Za-z0-9._\\-,${B24_CALL_ID})})',
    ' same => n,ExecIf($[${LEN(${CALL_TAG})} > 0 & "${CHANNEL(channeltype)}" = "PJSIP"]?' +
      'Set(PJSIP_HEADER(add,X-B24-Call-Id)=${CALL_TAG}))',
    ' same => n,GotoIf($["${B24_REC_TOKEN}" = ""]?done)',
    ' same => n,Gosub(b24-record-call,s,1)',
    ' same => n(done),Return()',
    '',
    "; Desk phones: the app's line; with the app down, the department's own line (HR), else DEFAULT_TRUNK;",
    '; recorded when the app says so ([b24-record-call]).',
    '[b24-desk-call]',
    'exten => s,1,Gosub(route-desk-call,s,1(${FILTER(0-9,${ARG1})},${FILTER(0-9,${ARG2})}))',
    ' same => n,GotoIf($["${ROUTE_METHOD}" != "fallback"]?record)',
    ' same => n,Set(B24_FALLBACK=${GLOBAL(B24_FALLBACK_${FILTER(0-9,${ARG2})})})',
    ' same => n,ExecIf($[${LEN(${B24_FALLBACK})} > 0]?Set(TRUNK=${B24_FALLBACK}))',
    " ; the department's line by name rather than the default's dial string",
    ' same => n,ExecIf($[${LEN(${B24_FALLBACK})} > 0]?Set(B24_DIAL_COUNT=0))',
    ' same => n(record),GotoIf($["${TRUNK}" = ""]?done)',
    ' same => n,Gosub(b24-record-call,s,1(${FILTER(0-9,${ARG1})},${FILTER(0-9,${ARG2})}))',
    ' same => n(done),Return()',
    '',
    input.deskPhoneDropIn,
  ].join('\n');
}
