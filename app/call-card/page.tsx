import { CallCardPanel } from '@/components/call-card/call-card-panel';

/** The CALL_CARD placement (Bitrix24 POSTs to /b24/call-card, redirected here with 303). */
export default function CallCardPage() {
  return <CallCardPanel />;
}
