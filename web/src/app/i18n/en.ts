export const en = {
  appName: 'Service Portal',
  loading: 'Loading…',
  retry: 'Try again',
  language: 'Language',
  skipToContent: 'Skip to content',
  errors: {
    network: 'Cannot reach the server. Check your connection and try again.',
    generic: 'Something went wrong. Please try again.',
  },
  home: {
    title: 'Your firm, your clients, one portal',
    lead: 'Clients request services, book time, chat, approve work, pay invoices and share documents. Your team works requests and tasks, tracks time and sees its workload.',
    signIn: 'Sign in',
    features: ['Service requests and tasks', 'Bookings and reminders', 'Secure documents', 'Invoices and payments'],
  },
  login: {
    title: 'Sign in to your portal',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    required: 'is required',
  },
  shell: {
    signOut: 'Sign out',
    signedInAs: 'Signed in as {name}',
    mainNav: 'Main',
    areas: { portal: 'Client portal', staff: 'Staff workspace', admin: 'Administration' },
  },
  nav: { dashboard: 'Dashboard', team: 'Team & users' },
  roles: { CLIENT: 'Client', TEAM_MEMBER: 'Team member', TEAM_LEAD: 'Team lead', ADMIN: 'Admin', SUPER_ADMIN: 'Super admin' },
  forbidden: {
    title: 'This area is not for your role',
    body: 'Your account cannot open this page.',
    goHome: 'Go to your dashboard',
  },
  dashboard: {
    welcome: 'Welcome, {name}',
    firm: 'Firm: {firm}',
    portalLead: 'Here you will follow your requests, bookings, invoices and documents.',
    staffLead: 'Here you will work your assigned requests, tasks and bookings.',
    adminLead: 'Run the firm: team, catalog, billing and audit.',
    permissions: 'What you can do',
  },
  users: {
    title: 'Team & users',
    name: 'Name',
    email: 'Email',
    role: 'Role',
    status: 'Status',
    empty: 'No users yet.',
    more: 'Load more',
    statuses: { invited: 'Invited', active: 'Active', deactivated: 'Deactivated' },
  },
};

export type Messages = typeof en;
