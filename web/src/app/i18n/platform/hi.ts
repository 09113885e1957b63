import type en from './en.ts';

const hi: typeof en = {
  apiDocs: {
    title: 'API संदर्भ',
    lead: 'सर्विस पोर्टल API का हर ऑपरेशन, उसके OpenAPI 3.1 दस्तावेज़ से।',
    raw: 'OpenAPI दस्तावेज़ (JSON)',
    access: 'कौन कॉल कर सकता है',
    public: 'कोई भी',
    signedIn: 'कोई भी साइन-इन व्यक्ति',
    permission: '{permission} अनुमति वाले',
    parameters: 'पैरामीटर',
    body: 'अनुरोध का मुख्य भाग',
    responses: 'प्रतिक्रियाएँ',
  },
  health: {
    title: 'सिस्टम की सेहत',
    again: 'फिर जाँचें',
    checking: 'जाँच हो रही है…',
    allOk: 'हर हिस्सा ठीक से जवाब दे रहा है।',
    someFailing: 'कुछ हिस्सों पर ध्यान देना ज़रूरी है।',
    ok: 'ठीक',
    failing: 'विफल',
    latency: 'जवाब का समय',
    error: 'त्रुटि',
    yes: 'हाँ',
    no: 'नहीं',
    checks: { table: 'डेटाबेस तालिका', bus: 'इवेंट बस', queues: 'डेड-लेटर कतारें', realtime: 'लाइव कनेक्शन', mail: 'ईमेल' },
    descriptions: {
      table: 'जहाँ सब कुछ संग्रहीत है।',
      bus: 'बदलावों को ईमेल और सूचनाओं तक पहुँचाती है।',
      queues: 'वह काम जो हर प्रयास में विफल रहा। यहाँ कुछ भी हो तो किसी को देखना चाहिए।',
      realtime: 'आपकी फ़र्म के लोग जो अभी लाइव अपडेट के लिए जुड़े हैं।',
      mail: 'क्या पोर्टल ईमेल भेज सकता है।',
    },
    facts: {
      status: 'स्थिति',
      items: 'आइटम (लगभग)',
      name: 'नाम',
      connections: 'खुले कनेक्शन',
      sending: 'भेजना चालू',
      sentLast24Hours: 'पिछले 24 घंटों में भेजे गए',
      max24HourSend: 'दैनिक भेजने की सीमा',
      'stream-router': 'बदलाव धारा',
      'email-notifications': 'ईमेल',
      'in-app-notifications': 'सूचनाएँ',
      'auto-assignment': 'स्वचालित असाइनमेंट',
      'request-kpis': 'KPI काउंटर',
      jobs: 'निर्धारित कार्य',
    },
  },
};

export default hi;
