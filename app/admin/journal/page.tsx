import { CallsJournal } from '@/components/journal/calls-journal';

export default function JournalPage() {
  return <CallsJournal />;
}
