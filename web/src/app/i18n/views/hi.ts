import type en from './en.ts';

const hi: typeof en = {
  savedViews: {
    title: 'सहेजे गए व्यू',
    empty: 'अभी कोई नहीं।',
    delete: 'व्यू {name} हटाएँ',
    deleted: 'व्यू {name} हटा दिया गया।',
    name: 'इन फ़िल्टरों को इस नाम से सहेजें',
    save: 'व्यू सहेजें',
    saving: 'सहेजा जा रहा है…',
    saved: '{name} के नाम से सहेजा गया।',
    nameRequired: 'व्यू को एक नाम दें।',
    nameTaken: 'आपके पास {name} नाम का व्यू पहले से है।',
    full: 'आपके पास {max} सहेजे गए व्यू हैं। दूसरा सहेजने के लिए एक हटाएँ।',
  },
};

export default hi;
