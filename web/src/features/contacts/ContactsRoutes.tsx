import { ContactPage } from './ContactPage';
import { ContactsPage } from './ContactsPage';

/** /w/:ws/contacts[/:contactId] — the contacts search, or one contact when the path names it. */
export function ContactsRoutes({ sub }: { sub: string | null }) {
  return sub && sub.trim() ? <ContactPage key={sub} id={sub} /> : <ContactsPage />;
}

export { ContactPage, ContactsPage };
