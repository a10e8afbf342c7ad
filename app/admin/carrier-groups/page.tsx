import { CarrierGroupsEditor } from '@/components/admin/carrier-groups-editor';

export default function CarrierGroupsPage() {
  return <CarrierGroupsEditor />;
}
