import type en from './en.ts';

const hi: typeof en = {
  clientHome: {
    welcome: 'स्वागत है, {name}',
    firm: '{firm} के साथ आपका पोर्टल।',
    ask: 'सेवा का अनुरोध करें',
    book: 'अपॉइंटमेंट बुक करें',
    attention: {
      title: 'आपका ध्यान चाहिए',
      empty: 'अभी आपके लिए कुछ भी बाकी नहीं है।',
      kinds: {
        submit: 'अपना ड्राफ़्ट भेजें',
        reply: 'फ़र्म के संदेश का उत्तर दें',
        accept: 'पूरा हुआ काम देखें और स्वीकार करें',
      },
      since: '{date} से',
    },
    open: {
      title: 'आपके खुले अनुरोध',
      empty: 'कोई खुला अनुरोध नहीं।',
      all: 'अपने सभी अनुरोध देखें',
    },
    upcoming: {
      title: 'आने वाले अपॉइंटमेंट',
      empty: 'कोई आने वाला अपॉइंटमेंट नहीं।',
      all: 'अपने सभी अपॉइंटमेंट देखें',
    },
    activity: {
      title: 'हाल की गतिविधि',
      empty: 'अभी तक कुछ नहीं हुआ।',
    },
  },
  myAppointments: {
    title: 'आपके अपॉइंटमेंट',
    lead: 'समय आपके समय क्षेत्र, {zone}, में दिखाए गए हैं।',
    upcoming: 'आने वाले',
    past: 'पिछले',
    emptyUpcoming: 'कोई आने वाला अपॉइंटमेंट नहीं।',
    emptyPast: 'कोई पिछला अपॉइंटमेंट नहीं।',
    with: '{name} के साथ',
    bookedBy: '{name} द्वारा बुक किया गया',
  },
};

export default hi;
