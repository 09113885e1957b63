/** Each area's pages in the sidebar, grouped by task, each with its icon; a page for some people only (`when`) shows to them alone. */
import {
  Activity,
  Bell,
  Building2,
  CalendarClock,
  CalendarDays,
  ClipboardList,
  FileText,
  HeartPulse,
  House,
  Inbox,
  LifeBuoy,
  LayoutDashboard,
  ListChecks,
  MessagesSquare,
  Package,
  ScrollText,
  Settings,
  ShieldAlert,
  ShieldCheck,
  UserRound,
  Users,
  type LucideIcon,
} from 'lucide-react';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import type { Area } from '../../../../shared/domain/identity/permissions.ts';
import type { commonText } from '../i18n/common/index.ts';
import type { TextOf } from '../i18n/text.ts';

type Text = TextOf<typeof commonText>;

export interface NavItem {
  href: string;
  label: (t: Text) => string;
  icon: LucideIcon;
  when?: (session: Session) => boolean;
  /** Shows the reader's unread messages beside the page's name. */
  unreadMessages?: true;
}

export interface NavGroup {
  label: (t: Text) => string;
  items: NavItem[];
}

const manages = (s: Session) => s.permissions.includes('customers.read.assigned');
const participates = (s: Session) => s.permissions.includes('conversations.participate');

export const NAV: Record<Area, NavGroup[]> = {
  portal: [
    {
      label: (t) => t.shell.groups.yours,
      items: [
        { href: '/portal/', label: (t) => t.nav.home, icon: House },
        { href: '/portal/requests/', label: (t) => t.nav.requests, icon: Inbox },
        { href: '/portal/appointments/', label: (t) => t.nav.appointments, icon: CalendarClock },
        { href: '/portal/documents/', label: (t) => t.nav.documents, icon: FileText, when: (s) => s.permissions.includes('documents.view') },
        { href: '/portal/chat/', label: (t) => t.nav.chat, icon: MessagesSquare, when: participates, unreadMessages: true },
        { href: '/portal/tickets/', label: (t) => t.nav.tickets, icon: LifeBuoy, when: participates },
      ],
    },
  ],
  staff: [
    {
      label: (t) => t.shell.groups.work,
      items: [
        { href: '/staff/', label: (t) => t.nav.dashboard, icon: LayoutDashboard },
        { href: '/staff/tasks/', label: (t) => t.nav.tasks, icon: ListChecks },
        { href: '/staff/conversations/', label: (t) => t.nav.conversations, icon: MessagesSquare, when: participates, unreadMessages: true },
        { href: '/staff/tickets/', label: (t) => t.nav.tickets, icon: LifeBuoy, when: participates },
      ],
    },
    { label: (t) => t.shell.groups.clients, items: [{ href: '/staff/clients/', label: (t) => t.nav.clients, icon: Building2, when: manages }] },
    {
      label: (t) => t.shell.groups.scheduling,
      items: [
        { href: '/staff/calendar/', label: (t) => t.nav.calendar, icon: CalendarDays },
        { href: '/staff/team/', label: (t) => t.nav.availability, icon: Activity },
      ],
    },
  ],
  platform: [
    {
      label: (t) => t.shell.areas.platform,
      items: [
        { href: '/platform/', label: (t) => t.nav.firms, icon: Building2 },
        { href: '/platform/audit/', label: (t) => t.nav.audit, icon: ScrollText },
        { href: '/admin/health/', label: (t) => t.nav.health, icon: HeartPulse },
      ],
    },
  ],
  account: [
    {
      label: (t) => t.shell.groups.account,
      items: [
        { href: '/account/', label: (t) => t.nav.account, icon: UserRound },
        { href: '/account/bookings/', label: (t) => t.nav.bookingProfile, icon: Bell },
        { href: '/account/organisation/', label: (t) => t.nav.organisation, icon: Building2, when: (s) => s.user.role === 'CLIENT' },
      ],
    },
  ],
  admin: [
    {
      label: (t) => t.shell.groups.work,
      items: [
        { href: '/admin/', label: (t) => t.nav.dashboard, icon: LayoutDashboard },
        { href: '/admin/requests/', label: (t) => t.nav.requests, icon: Inbox },
        { href: '/admin/tasks/', label: (t) => t.nav.tasks, icon: ListChecks },
        { href: '/admin/conversations/', label: (t) => t.nav.conversations, icon: MessagesSquare, when: participates, unreadMessages: true },
        { href: '/admin/tickets/', label: (t) => t.nav.tickets, icon: LifeBuoy, when: participates },
      ],
    },
    { label: (t) => t.shell.groups.clients, items: [{ href: '/admin/clients/', label: (t) => t.nav.clients, icon: Building2 }] },
    {
      label: (t) => t.shell.groups.scheduling,
      items: [
        { href: '/admin/calendar/', label: (t) => t.nav.calendar, icon: CalendarDays },
        { href: '/admin/team/', label: (t) => t.nav.availability, icon: Activity },
      ],
    },
    {
      label: (t) => t.shell.groups.firm,
      items: [
        { href: '/admin/users/', label: (t) => t.nav.team, icon: Users },
        { href: '/admin/services/', label: (t) => t.nav.services, icon: Package },
        { href: '/admin/task-templates/', label: (t) => t.nav.taskTemplates, icon: ClipboardList },
        { href: '/admin/permissions/', label: (t) => t.nav.permissions, icon: ShieldCheck },
        { href: '/admin/settings/', label: (t) => t.nav.settings, icon: Settings },
      ],
    },
    {
      label: (t) => t.shell.groups.system,
      items: [
        { href: '/admin/audit/', label: (t) => t.nav.audit, icon: ScrollText },
        { href: '/admin/documents/', label: (t) => t.nav.quarantine, icon: ShieldAlert, when: (s) => s.permissions.includes('documents.quarantine') },
        { href: '/admin/health/', label: (t) => t.nav.health, icon: HeartPulse },
      ],
    },
  ],
};

/** The groups and pages this person sees in an area (a group left empty is not shown). */
export const navFor = (area: Area, session: Session): NavGroup[] =>
  NAV[area].map((g) => ({ ...g, items: g.items.filter((i) => !i.when || i.when(session)) })).filter((g) => g.items.length > 0);
