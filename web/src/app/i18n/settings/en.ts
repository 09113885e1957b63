const en = {
  settings: {
    title: 'Settings',
    lead: 'How your firm works: these rules apply to everyone at once.',
    requests: {
      title: 'Requests',
      review: 'Review new requests before work starts',
      reviewHint: 'Off: the best-fitting team member is assigned and can start at once. On: a lead or admin approves each request first, with one click.',
      reviewAbove: 'Approval needed for requests above ({currency})',
      reviewAboveHint: 'Leave empty for no threshold. A request’s value is its budget’s upper end, else its lower end, else the service’s price.',
      save: 'Save the request settings',
      saving: 'Saving…',
      saved: 'Saved. New moves follow these rules from now on.',
      invalidAmount: 'Enter an amount, like 500 or 1250.50.',
    },
  },
};

export default en;
