'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useAdminApi } from '@/components/admin/use-admin-api';
import { useB24Frame } from '@/components/bitrix24/frame-provider';
import type { CallCardView } from '@/lib/calls/card/describe-call-card';
import type { RedialOutcome } from '@/lib/calls/card/redial-from-card';
import { readCallState } from './read-call-state';

export type CallCardTarget = { callId: string | null; number: string | null; extension: string | null };

export type CallCardState = {
  target: CallCardTarget | null;
  view: CallCardView | null;
  loading: boolean;
  loadError: string | null;
  callState: string | null;
  redialling: boolean;
  redial: RedialOutcome | null;
  redialError: string | null;
  reload: () => void;
  startRedial: (line: string) => void;
};

/** CALL_CARD options are strings, and "undefined"/"unknown" stand for missing values. */
function option(value: unknown): string | null {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  return text && text !== 'undefined' && text !== 'unknown' ? text : null;
}

function readTarget(frame: ReturnType<typeof useB24Frame>): CallCardTarget | null {
  if (frame.status === 'loading') return null;
  if (frame.status === 'frame') {
    const options = frame.placementOptions ?? {};
    return { callId: option(options.CALL_ID), number: option(options.PHONE_NUMBER), extension: null };
  }
  // Standalone (a developer trying the card): the same values from the query.
  const query = new URLSearchParams(window.location.search);
  return {
    callId: option(query.get('callId')),
    number: option(query.get('number')),
    extension: option(query.get('extension')),
  };
}

/** The card's data: loaded once the frame is known, reloaded when the call's state changes, and the redial action. */
export function useCallCard(): CallCardState {
  const frame = useB24Frame();
  // Destructured: the hook's object is new on every render, its parts are stable; depending on the object made the
  // card reload after every render, a request loop.
  const { ready, lang, call } = useAdminApi();
  const [target, setTarget] = useState<CallCardTarget | null>(null);
  const [view, setView] = useState<CallCardView | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [callState, setCallState] = useState<string | null>(null);
  const [redialling, setRedialling] = useState(false);
  const [redial, setRedial] = useState<RedialOutcome | null>(null);
  const [redialError, setRedialError] = useState<string | null>(null);
  const generation = useRef(0);

  const { status: frameStatus } = frame;
  const frameRef = useRef(frame);
  frameRef.current = frame;
  useEffect(() => {
    if (ready && frameStatus !== 'loading') setTarget(readTarget(frameRef.current));
  }, [ready, frameStatus]);

  const reload = useCallback(() => {
    if (!target) return;
    const query = new URLSearchParams({ lang });
    if (target.callId) query.set('callId', target.callId);
    if (target.number) query.set('number', target.number);
    if (target.extension) query.set('extension', target.extension);
    // Only the latest answer counts: state changes can arrive faster than the server answers.
    const mine = ++generation.current;
    setLoading(true);
    void call<CallCardView>(`/api/call-card?${query.toString()}`).then((result) => {
      if (mine !== generation.current) return;
      setLoading(false);
      if (result.ok) {
        setView(result.data);
        setLoadError(null);
      } else setLoadError(result.message);
    });
  }, [target, lang, call]);

  useEffect(reload, [reload]);
  const latestReload = useRef(reload);
  useEffect(() => {
    latestReload.current = reload;
  }, [reload]);

  useEffect(() => {
    const b24 = frame.b24;
    if (frame.status !== 'frame' || frame.placement !== 'CALL_CARD' || !b24) return;
    void b24.placement.bindEvent('CallCard::CallStateChanged', (payload: unknown) => {
      const state = readCallState(payload);
      if (state === null) return;
      setCallState(state);
      latestReload.current();
    });
    // Bound once per frame: the handler reads the latest reload through the ref.
  }, [frame.status, frame.placement, frame.b24]);

  const startRedial = useCallback(
    (line: string) => {
      const number = target?.number ?? view?.decision?.number ?? null;
      if (!number) return;
      setRedialling(true);
      setRedialError(null);
      setRedial(null);
      const body = {
        number,
        line,
        lang,
        ...(target?.callId ? { callId: target.callId } : {}),
        ...(target?.extension ? { extension: target.extension } : {}),
      };
      void call<RedialOutcome>('/api/call-card/redial', { method: 'POST', body }).then((result) => {
        setRedialling(false);
        if (result.ok) setRedial(result.data);
        else setRedialError(result.message);
      });
    },
    [target, view, lang, call],
  );

  return { target, view, loading, loadError, callState, redialling, redial, redialError, reload, startRedial };
}
