/** Localized emails (EN/AR/HI): subject, plain text and HTML, right-to-left for Arabic. */
import { escapeHtml, type Email } from '../lib/mailer.ts';
import { directionOf, type Locale } from '../../shared/domain/locales.ts';

const TEXT = {
  documentShared: {
    en: {
      subject: '{firm} shared “{name}” with you',
      greeting: 'Hello,',
      body: '{firm} shared the document “{name}” with you through its client portal.',
      action: 'Open the document',
      expiry: 'The link works until {until}. If it asks for a code, we send one to this address. If you were not expecting it, ignore this email.',
    },
    ar: {
      subject: 'شارك {firm} معك «{name}»',
      greeting: 'مرحبًا،',
      body: 'شارك {firm} معك المستند «{name}» عبر بوابة عملائه.',
      action: 'فتح المستند',
      expiry: 'يعمل الرابط حتى {until}. إن طلب رمزًا فسنرسله إلى هذا العنوان. إن لم تكن تتوقعه فتجاهل هذه الرسالة.',
    },
    hi: {
      subject: '{firm} ने आपके साथ “{name}” साझा किया',
      greeting: 'नमस्ते,',
      body: '{firm} ने अपने क्लाइंट पोर्टल से आपके साथ दस्तावेज़ “{name}” साझा किया है।',
      action: 'दस्तावेज़ खोलें',
      expiry: 'लिंक {until} तक काम करता है। अगर यह कोड माँगे, तो हम इसी पते पर भेजेंगे। अगर आपको इसकी उम्मीद नहीं थी, तो इस ईमेल को अनदेखा करें।',
    },
  },
  shareCode: {
    en: {
      subject: 'Your code to open “{name}”: {code}',
      greeting: 'Hello,',
      body: 'Your one-time code to open “{name}”, shared by {firm}, is {code}.',
      action: 'Back to the document',
      expiry: 'The code works once, for {minutes} minutes. If you did not ask for it, ignore this email: nobody can open the document without it.',
    },
    ar: {
      subject: 'رمزك لفتح «{name}»: {code}',
      greeting: 'مرحبًا،',
      body: 'رمزك لمرة واحدة لفتح «{name}» الذي شاركه {firm} هو {code}.',
      action: 'العودة إلى المستند',
      expiry: 'يعمل الرمز مرة واحدة لمدة {minutes} دقائق. إن لم تطلبه فتجاهل هذه الرسالة: لا يمكن لأحد فتح المستند دونه.',
    },
    hi: {
      subject: '“{name}” खोलने का आपका कोड: {code}',
      greeting: 'नमस्ते,',
      body: '{firm} द्वारा साझा किए गए “{name}” को खोलने का आपका एक-बार का कोड {code} है।',
      action: 'दस्तावेज़ पर लौटें',
      expiry: 'कोड एक बार, {minutes} मिनट के लिए काम करता है। अगर आपने यह नहीं माँगा, तो इस ईमेल को अनदेखा करें: इसके बिना कोई दस्तावेज़ नहीं खोल सकता।',
    },
  },
  invitation: {
    en: {
      subject: 'You are invited to {firm} on Service Portal',
      greeting: 'Hello {name},',
      body: '{firm} has invited you to its client portal. Choose your password to get started.',
      action: 'Accept the invitation',
      expiry: 'This link works once and expires in {days} days. If you were not expecting it, ignore this email.',
    },
    ar: {
      subject: 'دعوة للانضمام إلى {firm} على بوابة الخدمات',
      greeting: 'مرحبًا {name}،',
      body: 'دعاك {firm} إلى بوابته. اختر كلمة مرورك للبدء.',
      action: 'قبول الدعوة',
      expiry: 'يعمل هذا الرابط مرة واحدة وتنتهي صلاحيته خلال {days} أيام. إن لم تكن تتوقعه فتجاهل هذه الرسالة.',
    },
    hi: {
      subject: 'सर्विस पोर्टल पर {firm} से जुड़ने का आमंत्रण',
      greeting: 'नमस्ते {name},',
      body: '{firm} ने आपको अपने पोर्टल पर आमंत्रित किया है। शुरू करने के लिए अपना पासवर्ड चुनें।',
      action: 'आमंत्रण स्वीकार करें',
      expiry: 'यह लिंक एक बार काम करता है और {days} दिनों में समाप्त हो जाएगा। अगर आपको इसकी उम्मीद नहीं थी, तो इस ईमेल को अनदेखा करें।',
    },
  },
  passwordReset: {
    en: {
      subject: 'Reset your {firm} portal password',
      greeting: 'Hello {name},',
      body: 'Someone asked to reset the password of your {firm} portal account. If it was you, choose a new password.',
      action: 'Choose a new password',
      expiry: 'This link works once and expires in {minutes} minutes. If you did not ask for it, ignore this email: your password stays as it is.',
    },
    ar: {
      subject: 'إعادة تعيين كلمة مرور بوابة {firm}',
      greeting: 'مرحبًا {name}،',
      body: 'طلب أحدهم إعادة تعيين كلمة مرور حسابك في بوابة {firm}. إن كنت أنت، فاختر كلمة مرور جديدة.',
      action: 'اختيار كلمة مرور جديدة',
      expiry: 'يعمل هذا الرابط مرة واحدة وتنتهي صلاحيته خلال {minutes} دقيقة. إن لم تطلبه فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.',
    },
    hi: {
      subject: '{firm} पोर्टल का पासवर्ड रीसेट करें',
      greeting: 'नमस्ते {name},',
      body: 'किसी ने आपके {firm} पोर्टल खाते का पासवर्ड रीसेट करने को कहा है। अगर यह आप थे, तो नया पासवर्ड चुनें।',
      action: 'नया पासवर्ड चुनें',
      expiry: 'यह लिंक एक बार काम करता है और {minutes} मिनट में समाप्त हो जाएगा। अगर आपने यह नहीं माँगा, तो इस ईमेल को अनदेखा करें: आपका पासवर्ड वैसा ही रहेगा।',
    },
  },
  verifyEmail: {
    en: {
      subject: 'Confirm your email for {firm}',
      greeting: 'Hello {name},',
      body: 'Thanks for signing up with {firm}. Confirm this is your email address and choose your password to open your portal.',
      action: 'Confirm and choose a password',
      expiry: 'This link works once and expires in {days} days. If you did not sign up, ignore this email: no account is opened.',
    },
    ar: {
      subject: 'أكّد بريدك الإلكتروني لدى {firm}',
      greeting: 'مرحبًا {name}،',
      body: 'شكرًا لتسجيلك لدى {firm}. أكّد أن هذا عنوان بريدك الإلكتروني واختر كلمة مرورك لفتح بوابتك.',
      action: 'التأكيد واختيار كلمة المرور',
      expiry: 'يعمل هذا الرابط مرة واحدة وتنتهي صلاحيته خلال {days} أيام. إن لم تسجّل فتجاهل هذه الرسالة: لن يُفتح أي حساب.',
    },
    hi: {
      subject: '{firm} के लिए अपना ईमेल पक्का करें',
      greeting: 'नमस्ते {name},',
      body: '{firm} के साथ साइन अप करने के लिए धन्यवाद। पक्का करें कि यह आपका ईमेल पता है और अपना पोर्टल खोलने के लिए पासवर्ड चुनें।',
      action: 'पक्का करें और पासवर्ड चुनें',
      expiry: 'यह लिंक एक बार काम करता है और {days} दिनों में समाप्त हो जाएगा। अगर आपने साइन अप नहीं किया, तो इस ईमेल को अनदेखा करें: कोई खाता नहीं खुलेगा।',
    },
  },
  invitationElsewhere: {
    en: {
      subject: '{firm} invited you to Service Portal',
      greeting: 'Hello {name},',
      body: '{firm} invited you to its client portal, but this email address already signs in to Service Portal with another firm, and each address belongs to one firm. Ask {firm} to invite another address of yours.',
      action: 'Sign in where you have an account',
      expiry: 'If you were not expecting this, ignore this email: nothing has changed.',
    },
    ar: {
      subject: 'دعاك {firm} إلى بوابة الخدمات',
      greeting: 'مرحبًا {name}،',
      body: 'دعاك {firm} إلى بوابته، لكن عنوان البريد هذا يُستخدم بالفعل لتسجيل الدخول في بوابة الخدمات لدى جهة أخرى، وكل عنوان يخص جهة واحدة. اطلب من {firm} دعوة عنوان آخر لك.',
      action: 'سجّل الدخول حيث لديك حساب',
      expiry: 'إن لم تكن تتوقع هذه الرسالة فتجاهلها: لم يتغير شيء.',
    },
    hi: {
      subject: '{firm} ने आपको सर्विस पोर्टल पर आमंत्रित किया',
      greeting: 'नमस्ते {name},',
      body: '{firm} ने आपको अपने पोर्टल पर आमंत्रित किया है, लेकिन यह ईमेल पता पहले से किसी दूसरी फ़र्म के साथ सर्विस पोर्टल में साइन इन करता है, और हर पता एक ही फ़र्म का होता है। {firm} से अपने किसी दूसरे पते को आमंत्रित करने को कहें।',
      action: 'जहाँ आपका खाता है वहाँ साइन इन करें',
      expiry: 'अगर आपको इसकी उम्मीद नहीं थी, तो इस ईमेल को अनदेखा करें: कुछ नहीं बदला है।',
    },
  },
  accountExists: {
    en: {
      subject: 'You already have a Service Portal account',
      greeting: 'Hello,',
      body: 'Someone, probably you, asked to sign up with {firm} using this email address, which already has a Service Portal account. Sign in, or reset your password if you forgot it. If you were invited and have not joined yet, use the link in your invitation.',
      action: 'Sign in',
      expiry: 'If this was not you, ignore this email: nothing has changed.',
    },
    ar: {
      subject: 'لديك حساب في بوابة الخدمات بالفعل',
      greeting: 'مرحبًا،',
      body: 'طلب أحدهم، وربما أنت، التسجيل لدى {firm} بهذا البريد الإلكتروني، وله حساب في بوابة الخدمات بالفعل. سجّل الدخول، أو أعد تعيين كلمة المرور إن نسيتها. إن كنت مدعوًا ولم تنضم بعد، فاستخدم الرابط في رسالة الدعوة.',
      action: 'تسجيل الدخول',
      expiry: 'إن لم تكن أنت، فتجاهل هذه الرسالة: لم يتغير شيء.',
    },
    hi: {
      subject: 'आपका सर्विस पोर्टल खाता पहले से है',
      greeting: 'नमस्ते,',
      body: 'किसी ने, शायद आपने, इस ईमेल पते से {firm} के साथ साइन अप करना चाहा, जिसका सर्विस पोर्टल खाता पहले से है। साइन इन करें, या भूल गए हों तो अपना पासवर्ड रीसेट करें। अगर आपको आमंत्रित किया गया था और आप अभी जुड़े नहीं हैं, तो आमंत्रण वाले लिंक का उपयोग करें।',
      action: 'साइन इन करें',
      expiry: 'अगर यह आप नहीं थे, तो इस ईमेल को अनदेखा करें: कुछ नहीं बदला है।',
    },
  },
} as const;

export type EmailKind = keyof typeof TEXT;

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/** One email with a single call to action (the signed link). */
export function actionEmail(kind: EmailKind, locale: Locale, to: string, link: string, values: Record<string, string>): Email {
  const t = TEXT[kind][locale];
  const plain = (s: string) => fill(s, values);
  const html = (s: string) => fill(s, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeHtml(v)])));
  const dir = directionOf(locale);
  return {
    to,
    subject: plain(t.subject),
    text: [plain(t.greeting), '', plain(t.body), '', `${t.action}: ${link}`, '', plain(t.expiry)].join('\n'),
    html: `<!doctype html><html lang="${locale}" dir="${dir}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a">
<p>${html(t.greeting)}</p><p>${html(t.body)}</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#1d5fd1;color:#fff;border-radius:6px;text-decoration:none">${t.action}</a></p>
<p style="color:#475569;font-size:13px">${html(t.expiry)}</p></body></html>`,
  };
}
