import type en from './en.ts';

const hi: typeof en = {
  dashboard: {
    welcome: 'स्वागत है, {name}',
    firm: 'फ़र्म: {firm}',
    staffLead: 'आपको सौंपे गए अनुरोध, कार्य और अपॉइंटमेंट।',
    adminLead: 'फ़र्म चलाएँ: अनुरोध, टीम, सेवाएँ, सेटिंग्स और ऑडिट।',
  },
  kpi: {
    bookings: 'बुकिंग',
    utilization: 'उपयोग',
    utilizationDetail: 'बुक करने योग्य घंटों में बुक हिस्सा, पिछले 14 दिन',
    noShows: 'न आने वाले',
    noShowsDetail: 'जिन बुकिंग का परिणाम दर्ज हुआ, पिछले 14 दिन',
    bookingsAhead: 'प्रति दिन बुकिंग, अगले 7 दिन',
    title: 'अनुरोध एक नज़र में',
    active: 'सक्रिय अनुरोध',
    activeDetail: 'भेजे गए, अभी पूरे या रद्द नहीं हुए',
    newThisWeek: 'इस सप्ताह नए',
    lastWeek: 'पिछले सप्ताह {count}',
    completion: 'इस महीने पूर्णता दर',
    completionDetail: '{completed} पूरे · {cancelled} रद्द',
    noneClosed: 'इस महीने अभी कुछ पूरा या रद्द नहीं हुआ',
    pipeline: 'राजस्व पाइपलाइन',
    pipelineDetail: 'खुला काम उसके बजट से, नहीं तो सेवा की कीमत से',
    byStatus: 'स्थिति के अनुसार अनुरोध',
    byPriority: 'प्राथमिकता के अनुसार खुले अनुरोध',
    byService: 'सेवा के अनुसार खुले अनुरोध',
    overloaded: 'क्षमता से अधिक',
    teamWorkload: 'टीम का कार्यभार',
    openTasks: '{count} खुले कार्य',
    empty: 'अभी कोई अनुरोध नहीं।',
  },
};

export default hi;
