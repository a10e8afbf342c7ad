import { redirect } from 'next/navigation';

/** Opening the app's root (standalone, or an old handler URL) lands on the admin overview. */
export default function Home() {
  redirect('/admin');
}
