export default {
  savedViews: {
    title: 'Saved views',
    empty: 'No saved views yet.',
    delete: 'Delete the view {name}',
    deleted: 'Deleted the view {name}.',
    name: 'Save these filters as',
    save: 'Save view',
    saving: 'Saving…',
    saved: 'Saved as {name}.',
    nameRequired: 'Give the view a name.',
    nameTaken: 'You already have a view called {name}.',
    full: 'You have {max} saved views. Delete one to save another.',
  },
};
