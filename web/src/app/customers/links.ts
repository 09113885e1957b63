/** Where a customer's 360° page is, in the staff or admin area: every place that names a client links there. */
export const clientHref = (area: 'staff' | 'admin', customerId: string) => `/${area}/clients/view/?id=${encodeURIComponent(customerId)}`;

/** The area a Clients page was opened in (the page says it: web/src/layouts/Base.astro). */
export const areaOfPage = (): 'staff' | 'admin' => (document.getElementById('app')?.dataset.area === 'admin' ? 'admin' : 'staff');
