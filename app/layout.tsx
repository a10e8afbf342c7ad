import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { B24FrameProvider } from '@/components/bitrix24/frame-provider';
import './globals.css';

export const metadata: Metadata = {
  title: 'Carrier calls · Bitrix24 + Asterisk',
  robots: { index: false },
  icons: { icon: '/icon.svg' },
};

/** One frame provider for the whole app: the SDK must be initialised once per page (connect-b24-frame.ts). */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ru">
      <body className="min-h-screen antialiased">
        <B24FrameProvider>{children}</B24FrameProvider>
      </body>
    </html>
  );
}
