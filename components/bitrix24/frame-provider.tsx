'use client';

import type { B24Frame } from '@bitrix24/b24jssdk';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { pickLang, type Lang } from '@/lib/i18n/lang';
import { connectB24Frame, type FrameConnection } from './connect-b24-frame';

export type B24FrameState = {
  status: 'loading' | 'frame' | 'standalone' | 'error';
  b24?: B24Frame;
  lang: Lang;
  /** Only ever true inside a real portal frame; standalone mode can never claim admin rights. */
  isAdmin: boolean;
  memberId?: string;
  placement?: string;
  placementOptions?: Record<string, unknown>;
  error?: string;
};

const initialState: B24FrameState = { status: 'loading', lang: 'ru', isAdmin: false };
const B24FrameContext = createContext<B24FrameState>(initialState);

/** Bitrix24 appends LANG to every frame URL; it also serves as the language before (or without) the SDK. */
function langFromQuery(): Lang {
  return pickLang(new URLSearchParams(window.location.search).get('LANG'));
}

function describeConnection(connection: FrameConnection): B24FrameState {
  if (connection.status === 'standalone') return { status: 'standalone', lang: langFromQuery(), isAdmin: false };
  if (connection.status === 'error') {
    return { status: 'error', lang: langFromQuery(), isAdmin: false, error: connection.error };
  }
  const { b24 } = connection;
  const auth = b24.auth.getAuthData();
  return {
    status: 'frame',
    b24,
    lang: pickLang(b24.getLang()),
    isAdmin: b24.auth.isAdmin === true,
    memberId: auth ? auth.member_id : undefined,
    placement: b24.placement.placement,
    placementOptions: { ...(b24.placement.options as Record<string, unknown>) },
  };
}

/** One provider for the whole app (mounted in the root layout): connects to the portal once per page. */
export function B24FrameProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<B24FrameState>(initialState);

  useEffect(() => {
    let active = true;
    setState((current) => (current.status === 'loading' ? { ...current, lang: langFromQuery() } : current));
    void connectB24Frame().then((connection) => {
      if (active) setState(describeConnection(connection));
    });
    // No destroy() here on purpose: StrictMode re-runs this effect and the SDK instance must survive
    // (connect-b24-frame.ts).
    return () => {
      active = false;
    };
  }, []);

  const value = useMemo(() => state, [state]);
  return <B24FrameContext.Provider value={value}>{children}</B24FrameContext.Provider>;
}

export function useB24Frame(): B24FrameState {
  return useContext(B24FrameContext);
}
