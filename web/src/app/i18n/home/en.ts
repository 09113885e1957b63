const en = {
  clientHome: {
    welcome: 'Welcome, {name}',
    firm: 'Your portal with {firm}.',
    ask: 'Ask for a service',
    book: 'Book an appointment',
    attention: {
      title: 'Needs your attention',
      empty: 'Nothing needs you right now.',
      kinds: {
        submit: 'Send your draft',
        reply: 'Answer the firm’s message',
        accept: 'Review and accept the completed work',
      },
      since: 'since {date}',
    },
    open: {
      title: 'Your open requests',
      empty: 'No open requests.',
      all: 'See all your requests',
    },
    upcoming: {
      title: 'Upcoming appointments',
      empty: 'No appointments coming up.',
      all: 'See all your appointments',
    },
    activity: {
      title: 'Recent activity',
      empty: 'Nothing has happened yet.',
    },
  },
  myAppointments: {
    title: 'Your appointments',
    lead: 'Times are shown in your time zone, {zone}.',
    upcoming: 'Upcoming',
    past: 'Past',
    emptyUpcoming: 'No appointments coming up.',
    emptyPast: 'No past appointments.',
    with: 'with {name}',
    bookedBy: 'Booked by {name}',
  },
};

export default en;
