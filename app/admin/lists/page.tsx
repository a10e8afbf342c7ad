import { ListsEditor } from '@/components/lists/lists-editor';

export default function ListsPage() {
  return <ListsEditor />;
}
