/** Notification emails (EN/AR/HI): one notice at once, or a digest of several, each line with its own link. */
import { directionOf, type Locale } from '../../shared/domain/locales.ts';
import type { NoticeGroup } from '../../shared/domain/notifications/email.ts';
import { escapeHtml, type Email } from '../lib/mailer.ts';

const STATUS: Record<Locale, Record<string, string>> = {
  en: {
    draft: 'a draft',
    submitted: 'submitted',
    in_review: 'in review',
    approved: 'approved',
    assigned: 'assigned',
    in_progress: 'in progress',
    completed: 'completed',
    cancelled: 'cancelled',
    open: 'open',
    waiting_for_client: 'waiting for you',
    resolved: 'resolved',
    closed: 'closed',
  },
  ar: {
    draft: 'مسودة',
    submitted: 'مُرسَل',
    in_review: 'قيد المراجعة',
    approved: 'موافَق عليه',
    assigned: 'مُسنَد',
    in_progress: 'قيد التنفيذ',
    completed: 'مكتمل',
    cancelled: 'ملغى',
    open: 'مفتوحة',
    waiting_for_client: 'بانتظارك',
    resolved: 'محلولة',
    closed: 'مغلقة',
  },
  hi: {
    draft: 'ड्राफ़्ट',
    submitted: 'भेजा गया',
    in_review: 'समीक्षा में',
    approved: 'स्वीकृत',
    assigned: 'सौंपा गया',
    in_progress: 'प्रगति में',
    completed: 'पूरा',
    cancelled: 'रद्द',
    open: 'खुला',
    waiting_for_client: 'आपके इंतज़ार में',
    resolved: 'हल हुआ',
    closed: 'बंद',
  },
};

/** One line per kind; `many` tells of several of the same kind about the same thing. */
const LINES: Record<Locale, Record<string, { one: string; many?: string }>> = {
  en: {
    'request.submitted': { one: '{client} asked for {reference}: {title}' },
    'request.assigned': { one: '{reference} was assigned to you: {title}' },
    'request.status_changed': { one: '{reference} ({title}) is now {status}', many: '{reference} ({title}) moved {count} times and is now {status}' },
    'request.completed': { one: 'The work on {reference} ({title}) is complete: please look it over and approve it' },
    'request.commented': { one: '{actor} commented on {reference} ({title})', many: '{count} new comments on {reference} ({title})' },
    'task.assigned': { one: '{actor} gave you a task: {title}', many: '{count} new tasks for you, the latest: {title}' },
    'request.due_soon': { one: '{reference} is due {due}: {title}' },
    'request.overdue': { one: '{reference} is overdue (due {due}): {title}' },
    'task.due_soon': { one: 'The task “{title}” is due {due}' },
    'task.overdue': { one: 'The task “{title}” is overdue (due {due})' },
    'ticket.created': { one: 'A new ticket from {customer}: “{subject}”' },
    'ticket.assigned': { one: 'The ticket “{subject}” from {customer} was given to you' },
    'ticket.status_changed': { one: 'The ticket “{subject}” is now {status}', many: 'The ticket “{subject}” moved {count} times and is now {status}' },
    'ticket.commented': { one: '{actor} commented on the ticket “{subject}”', many: '{count} new comments on the ticket “{subject}”' },
    'ticket.unanswered': { one: 'The ticket “{subject}” from {customer} has had no first answer in its SLA time' },
    'ticket.overdue': { one: 'The ticket “{subject}” from {customer} was not resolved in its SLA time' },
    'document.quarantined': { one: 'Malware was found in “{name}”: it is quarantined and nobody can download it' },
    'document.unscannable': { one: '“{name}” could not be checked for malware, so it is not shared' },
    'document.rejected': { one: '“{name}” is not the type of file its name says, so it is not shared' },
    'document_request.created': { one: 'Your firm asks you for “{title}” by {due}' },
    'document_request.reminded': { one: 'A reminder: your firm still needs “{title}” (due {due})' },
    'document_request.fulfilled': { one: 'The client sent “{title}”, as you asked' },
    'document.zip_ready': { one: 'Your zip of “{name}” is ready. Files: {files}', many: '{count} zips you asked for are ready' },
    'firm.export_ready': { one: 'The export of all of your firm’s data is ready: {records} records, {files} files. It is kept for a day' },
  },
  ar: {
    'request.submitted': { one: 'طلب {client} الخدمة {reference}: {title}' },
    'request.assigned': { one: 'أُسند إليك {reference}: {title}' },
    'request.status_changed': { one: 'أصبح {reference} ({title}) {status}', many: 'تغيّر {reference} ({title}) {count} مرات وأصبح {status}' },
    'request.completed': { one: 'اكتمل العمل على {reference} ({title}): يُرجى مراجعته والموافقة عليه' },
    'request.commented': { one: 'علّق {actor} على {reference} ({title})', many: '{count} تعليقات جديدة على {reference} ({title})' },
    'task.assigned': { one: 'أسند إليك {actor} مهمة: {title}', many: '{count} مهام جديدة لك، أحدثها: {title}' },
    'request.due_soon': { one: 'يحين موعد {reference} في {due}: {title}' },
    'request.overdue': { one: 'فات موعد {reference} (كان {due}): {title}' },
    'task.due_soon': { one: 'يحين موعد المهمة «{title}» في {due}' },
    'task.overdue': { one: 'فات موعد المهمة «{title}» (كان {due})' },
    'ticket.created': { one: 'تذكرة جديدة من {customer}: «{subject}»' },
    'ticket.assigned': { one: 'أُسندت إليك التذكرة «{subject}» من {customer}' },
    'ticket.status_changed': { one: 'أصبحت التذكرة «{subject}» {status}', many: 'تغيّرت التذكرة «{subject}» {count} مرات وأصبحت {status}' },
    'ticket.commented': { one: 'علّق {actor} على التذكرة «{subject}»', many: '{count} تعليقات جديدة على التذكرة «{subject}»' },
    'ticket.unanswered': { one: 'لم تتلقَّ التذكرة «{subject}» من {customer} أول رد في الوقت المتفق عليه' },
    'ticket.overdue': { one: 'لم تُحل التذكرة «{subject}» من {customer} في الوقت المتفق عليه' },
    'document.quarantined': { one: 'عُثر على برمجية خبيثة في «{name}»: عُزل الملف ولا يمكن لأحد تنزيله' },
    'document.unscannable': { one: 'تعذّر فحص «{name}» بحثًا عن البرمجيات الخبيثة، لذلك لم تتم مشاركته' },
    'document.rejected': { one: 'نوع «{name}» ليس ما يدل عليه اسمه، لذلك لم تتم مشاركته' },
    'document_request.created': { one: 'يطلب منك مكتبك «{title}» بحلول {due}' },
    'document_request.reminded': { one: 'تذكير: لا يزال مكتبك يحتاج إلى «{title}» (الموعد {due})' },
    'document_request.fulfilled': { one: 'أرسل العميل «{title}» كما طلبت' },
    'document.zip_ready': { one: 'ملف zip الخاص بـ «{name}» جاهز. عدد الملفات: {files}', many: '{count} ملفات zip طلبتها جاهزة' },
    'firm.export_ready': { one: 'تصدير كل بيانات شركتك جاهز: {records} سجلًا و{files} ملفًا. يُحفظ يومًا واحدًا' },
  },
  hi: {
    'request.submitted': { one: '{client} ने {reference} माँगा: {title}' },
    'request.assigned': { one: '{reference} आपको सौंपा गया: {title}' },
    'request.status_changed': { one: '{reference} ({title}) अब {status} है', many: '{reference} ({title}) {count} बार बदला और अब {status} है' },
    'request.completed': { one: '{reference} ({title}) का काम पूरा हो गया: कृपया देखकर स्वीकृत करें' },
    'request.commented': { one: '{actor} ने {reference} ({title}) पर टिप्पणी की', many: '{reference} ({title}) पर {count} नई टिप्पणियाँ' },
    'task.assigned': { one: '{actor} ने आपको कार्य दिया: {title}', many: 'आपके लिए {count} नए कार्य, नवीनतम: {title}' },
    'request.due_soon': { one: '{reference} की समय-सीमा {due} है: {title}' },
    'request.overdue': { one: '{reference} की समय-सीमा ({due}) निकल गई: {title}' },
    'task.due_soon': { one: 'कार्य “{title}” की समय-सीमा {due} है' },
    'task.overdue': { one: 'कार्य “{title}” की समय-सीमा ({due}) निकल गई' },
    'ticket.created': { one: '{customer} से नया टिकट: “{subject}”' },
    'ticket.assigned': { one: '{customer} का टिकट “{subject}” आपको सौंपा गया' },
    'ticket.status_changed': { one: 'टिकट “{subject}” अब {status} है', many: 'टिकट “{subject}” {count} बार बदला और अब {status} है' },
    'ticket.commented': { one: '{actor} ने टिकट “{subject}” पर टिप्पणी की', many: 'टिकट “{subject}” पर {count} नई टिप्पणियाँ' },
    'ticket.unanswered': { one: '{customer} के टिकट “{subject}” को SLA समय में पहला जवाब नहीं मिला' },
    'ticket.overdue': { one: '{customer} का टिकट “{subject}” SLA समय में हल नहीं हुआ' },
    'document.quarantined': { one: '“{name}” में मैलवेयर मिला: इसे अलग रखा गया है और कोई इसे डाउनलोड नहीं कर सकता' },
    'document.unscannable': { one: '“{name}” की मैलवेयर जाँच नहीं हो सकी, इसलिए इसे साझा नहीं किया गया' },
    'document.rejected': { one: '“{name}” उस प्रकार की फ़ाइल नहीं है जो उसका नाम बताता है, इसलिए इसे साझा नहीं किया गया' },
    'document_request.created': { one: 'आपकी फ़र्म आपसे {due} तक “{title}” माँगती है' },
    'document_request.reminded': { one: 'याद दिलाना: आपकी फ़र्म को अब भी “{title}” चाहिए ({due} तक)' },
    'document_request.fulfilled': { one: 'क्लाइंट ने आपके कहे अनुसार “{title}” भेज दिया' },
    'document.zip_ready': { one: '“{name}” की आपकी zip तैयार है। फ़ाइलें: {files}', many: 'आपकी माँगी {count} zip तैयार हैं' },
    'firm.export_ready': { one: 'आपकी फ़र्म के सारे डेटा का निर्यात तैयार है: {records} रिकॉर्ड, {files} फ़ाइलें। यह एक दिन रखा जाता है' },
  },
};

const FRAME = {
  en: {
    one: '[{firm}] {line}',
    digest: '[{firm}] {count} updates for you',
    greeting: 'Hello {name},',
    digestIntro: 'Here is what changed since the last email:',
    open: 'Open in the portal',
    footer: 'You get these emails while you are not in the portal. Choose which ones, and how often, on your Account page: {account}',
  },
  ar: {
    one: '[{firm}] {line}',
    digest: '[{firm}] {count} تحديثات لك',
    greeting: 'مرحبًا {name}،',
    digestIntro: 'إليك ما تغيّر منذ آخر رسالة:',
    open: 'افتح في البوابة',
    footer: 'تصلك هذه الرسائل حين لا تكون في البوابة. اختر أيّها وكم مرة من صفحة حسابك: {account}',
  },
  hi: {
    one: '[{firm}] {line}',
    digest: '[{firm}] आपके लिए {count} अपडेट',
    greeting: 'नमस्ते {name},',
    digestIntro: 'पिछले ईमेल के बाद से यह बदला:',
    open: 'पोर्टल में खोलें',
    footer: 'ये ईमेल तब आते हैं जब आप पोर्टल में नहीं होते। कौन-से और कितनी बार, यह अपने खाते के पेज पर चुनें: {account}',
  },
} satisfies Record<Locale, Record<string, string>>;

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/** The line that tells of a group of notices, in the reader's language. */
export function noticeLine(locale: Locale, group: NoticeGroup): string {
  const text = LINES[locale][group.kind] ?? LINES.en[group.kind];
  const values = {
    ...group.latest.values,
    status: STATUS[locale][group.latest.values.status ?? ''] ?? group.latest.values.status ?? '',
    count: String(group.notices.length),
  };
  const line = fill(group.notices.length > 1 && text?.many ? text.many : (text?.one ?? group.kind), values);
  return group.notices.length > 1 && !text?.many ? `${line} (×${group.notices.length})` : line;
}

export interface EmailItem {
  line: string;
  link: string;
}

/** An email of one or more lines, each with its link; the subject is the line itself when there is one. */
export function noticeEmail(input: { locale: Locale; to: string; name: string; firm: string; account: string; items: EmailItem[] }): Email {
  const { locale, items } = input;
  const t = FRAME[locale];
  const values = { firm: input.firm, name: input.name, count: String(items.length), account: input.account };
  const subject = items.length === 1 ? fill(t.one, { ...values, line: items[0]!.line }) : fill(t.digest, values);
  const h = (s: string) => escapeHtml(s);
  const text = [
    fill(t.greeting, values),
    '',
    ...(items.length > 1 ? [t.digestIntro, ''] : []),
    ...items.flatMap((i) => [`• ${i.line}`, `  ${t.open}: ${i.link}`]),
    '',
    fill(t.footer, values),
  ].join('\n');
  const html = `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a">
<p>${h(fill(t.greeting, values))}</p>${items.length > 1 ? `<p>${h(t.digestIntro)}</p>` : ''}
<ul style="padding-inline-start:18px">${items
    .map((i) => `<li style="margin-bottom:10px">${h(i.line)}<br><a href="${h(i.link)}" style="color:#1d5fd1">${h(t.open)}</a></li>`)
    .join('')}</ul>
<p style="color:#475569;font-size:13px">${h(fill(t.footer, { ...values, account: '' }))}<a href="${h(input.account)}">${h(input.account)}</a></p></body></html>`;
  return { to: input.to, subject, text, html };
}
