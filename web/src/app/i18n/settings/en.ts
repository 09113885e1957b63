const en = {
  settings: {
    title: 'Settings',
    lead: 'How your firm works: these rules apply to everyone at once.',
    brand: {
      title: 'Brand',
      lead: 'Your accent colour on the portal, the booking and catalog pages and your emails, and a footer for every email you send.',
      accent: 'Accent colour',
      picker: 'Pick the accent colour',
      sample: 'Book now',
      format: 'A colour like #1d5fd1.',
      ratios: 'Contrast {white}:1 against white (needs {minWhite}:1) and {dark}:1 against the dark theme (needs {minDark}:1).',
      footer: 'Email footer',
      footerHint: 'Up to 500 characters: your address, registration number or a short note.',
      save: 'Save the brand',
      reset: 'Use the portal’s colour',
      saved: 'Saved. Your clients see it from their next page.',
    },
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
