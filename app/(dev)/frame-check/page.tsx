'use client';

import { useEffect, useState } from 'react';
import { readCallState } from '@/components/call-card/read-call-state';
import { useB24Frame } from '@/components/bitrix24/frame-provider';
import { FrameStatus } from '@/components/bitrix24/frame-status';

type CurrentUser = { ID: string; NAME: string; LAST_NAME?: string };

/** Developer check of the frame wiring: SDK init through the portal, then one REST call with the frame's token. */
export default function FrameCheckPage() {
  const frame = useB24Frame();
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [restError, setRestError] = useState<string | null>(null);
  const [callStatus, setCallStatus] = useState<string | null>(null);
  const [callState, setCallState] = useState<string | null>(null);

  // In the call card placement: read the card's status and follow its state.
  useEffect(() => {
    const b24 = frame.b24;
    if (frame.status !== 'frame' || frame.placement !== 'CALL_CARD' || !b24) return;
    void b24.placement.call('getStatus').then((status: { CALL_ID?: string }) => setCallStatus(status.CALL_ID ?? ''));
    void b24.placement.bindEvent('CallCard::CallStateChanged', (payload: unknown) => {
      const state = readCallState(payload);
      if (state !== null) setCallState(state);
    });
  }, [frame.status, frame.placement, frame.b24]);

  useEffect(() => {
    if (frame.status !== 'frame' || !frame.b24) return;
    let active = true;
    frame.b24.actions.v2.call
      .make<CurrentUser>({ method: 'user.current' })
      .then((response) => {
        const result = response.getData()?.result;
        if (!active) return;
        if (response.isSuccess && result) setUser(result);
        else setRestError(response.getErrorMessages().join('; ') || 'empty result');
      })
      .catch((error: unknown) => active && setRestError(error instanceof Error ? error.message : String(error)));
    return () => {
      active = false;
    };
  }, [frame.status, frame.b24]);

  return (
    <main className="space-y-2 p-6">
      <h1 className="text-xl font-semibold">Bitrix24 frame check</h1>
      <FrameStatus />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 text-sm">
        <dt>lang</dt>
        <dd data-testid="frame-lang">{frame.lang}</dd>
        <dt>admin</dt>
        <dd data-testid="frame-admin">{String(frame.isAdmin)}</dd>
        <dt>member_id</dt>
        <dd data-testid="frame-member">{frame.memberId ?? '—'}</dd>
        <dt>placement</dt>
        <dd data-testid="frame-placement">{frame.placement ?? '—'}</dd>
      </dl>
      {user ? (
        <p data-testid="frame-user" data-user-id={user.ID}>
          {user.NAME} (ID {user.ID})
        </p>
      ) : null}
      {callStatus !== null ? <p data-testid="frame-call-id">{callStatus}</p> : null}
      {callState !== null ? <p data-testid="frame-call-state">{callState}</p> : null}
      {restError ? <p data-testid="frame-rest-error">{restError}</p> : null}
    </main>
  );
}
