import { TrunksEditor } from '@/components/admin/trunks-editor';

export default function TrunksPage() {
  return <TrunksEditor />;
}
