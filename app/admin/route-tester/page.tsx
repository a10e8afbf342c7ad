import { RouteTester } from '@/components/admin/route-tester';

export default function RouteTesterPage() {
  return <RouteTester />;
}
