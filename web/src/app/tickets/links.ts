/** Where ticket pages live in each area, read from the page's frame. */
export type TicketArea = 'portal' | 'staff' | 'admin';

export const ticketAreaOfPage = (): TicketArea => {
  const area = document.getElementById('app')?.dataset.area;
  return area === 'admin' || area === 'staff' ? area : 'portal';
};

export const ticketHref = (area: TicketArea, ticketId: string) => `/${area}/ticket/?id=${encodeURIComponent(ticketId)}`;
