import { DepartmentsEditor } from '@/components/admin/departments-editor';

export default function DepartmentsPage() {
  return <DepartmentsEditor />;
}
