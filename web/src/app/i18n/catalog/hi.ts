import type en from './en.ts';

const hi: typeof en = {
  services: {
    title: 'सेवाएँ',
    add: 'सेवा जोड़ें',
    newTitle: 'नई सेवा',
    editTitle: '{name} बदलें',
    edit: 'बदलें',
    save: 'सेवा सहेजें',
    saving: 'सहेजा जा रहा है…',
    cancel: 'रद्द करें',
    empty: 'अभी कोई सेवा नहीं। पहली सेवा जोड़ें जिसे क्लाइंट माँग सकें।',
    questionsHint: 'हर पंक्ति में एक प्रश्न। जवाब ज़रूरी हो तो पंक्ति * से शुरू करें।',
    statuses: { active: 'सक्रिय', inactive: 'निष्क्रिय', deprecated: 'बंद' },
    fields: {
      name: 'नाम',
      category: 'श्रेणी',
      description: 'विवरण',
      basePrice: 'मूल कीमत',
      basePriceIn: 'मूल कीमत ({currency})',
      estimatedHours: 'अनुमानित घंटे',
      requiredSkills: 'ज़रूरी कौशल (अल्पविराम से अलग)',
      questions: 'क्लाइंट से प्रश्न',
      status: 'स्थिति',
    },
  },
  catalog: {
    title: '{firm} की सेवाएँ',
    lead: 'आप {firm} से क्या माँग सकते हैं। सेवा माँगने के लिए साइन इन करें।',
    from: '{price} से',
    hours: 'लगभग {hours} घंटे',
    signIn: 'माँगने के लिए साइन इन करें',
    signUp: 'नए क्लाइंट? साइन अप करें',
    book: 'अपॉइंटमेंट बुक करें',
    empty: '{firm} के पास अभी माँगने के लिए कोई सेवा नहीं है।',
    unknown: 'यह लिंक किसी फ़र्म की ओर नहीं ले जाता। आपको दिया गया पता जाँचें।',
  },
};

export default hi;
