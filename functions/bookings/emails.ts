/**
 * Booking emails (EN/AR/HI) with times in the recipient's own zone and language. Clients get
 * the manage link; staff get a link to the booking in their area.
 */
import type { Locale } from '../../shared/domain/locales.ts';
import { escapeHtml } from '../lib/mailer.ts';
import type { Email } from '../lib/mailer.ts';
import { wallTimeRepeats } from '../../shared/domain/time/zoned.ts';
import { HOLD_HOURS } from '../../shared/domain/identity/guests.ts';
import { directionOf } from '../../shared/domain/locales.ts';

/** `held`: a guest booking made with the address of an account, for that address to confirm (ADR 0016). */
export type BookingEmailKind = 'booked' | 'pending' | 'held' | 'confirmed' | 'rescheduled' | 'cancelled' | 'reminder';

export type SeriesEmailKind = 'series' | 'seriesCancelled' | 'seriesRescheduled';

type Texts = Record<BookingEmailKind | SeriesEmailKind, { subject: string; body: string; staff: string }> & {
  greeting: string;
  manage: string;
  claim: string;
  open: string;
  when: string;
  with: string;
  kind: string;
  notBooked: string;
};

const TEXT: Record<Locale, Texts> = {
  en: {
    booked: { subject: 'Booked: {service} on {date}', body: 'Your appointment with {firm} is booked.', staff: 'New booking from {name}.' },
    pending: {
      subject: 'Requested: {service} on {date}',
      body: '{firm} has your booking request and will confirm it shortly.',
      staff: 'New booking request from {name}: please confirm it.',
    },
    held: {
      subject: 'Is this your booking? {service} on {date}',
      body: 'Someone booked this appointment with {firm} using your email address. If it was you, confirm it to add it to your account. If not, cancel it, or ignore this email: unconfirmed, it is released within {hours} hours.',
      staff:
        'New booking from {name}, made without signing in with the address of an account: it is held until they confirm it from their email, and released otherwise.',
    },
    confirmed: { subject: 'Confirmed: {service} on {date}', body: '{firm} has confirmed your appointment.', staff: 'The booking with {name} is confirmed.' },
    rescheduled: {
      subject: 'Moved: {service} to {date}',
      body: 'Your appointment with {firm} has a new time.',
      staff: 'The booking with {name} has a new time.',
    },
    cancelled: {
      subject: 'Cancelled: {service} on {date}',
      body: 'Your appointment with {firm} has been cancelled.',
      staff: 'The booking with {name} has been cancelled.',
    },
    reminder: {
      subject: 'Reminder: {service} on {date}',
      body: 'A reminder of your appointment with {firm}.',
      staff: 'A reminder of your appointment with {name}.',
    },
    series: { subject: '{count} × {service} from {date}', body: 'Your {count} appointments with {firm}:', staff: '{count} appointments with {name}:' },
    seriesRescheduled: {
      subject: 'Moved: {count} × {service} from {date}',
      body: 'Your {count} appointments with {firm} have new times:',
      staff: 'These {count} appointments with {name} have new times:',
    },
    seriesCancelled: {
      subject: 'Cancelled: {count} × {service} from {date}',
      body: 'These {count} appointments with {firm} are cancelled:',
      staff: 'These {count} appointments with {name} are cancelled:',
    },
    notBooked: 'These times could not be booked:',
    greeting: 'Hello {name},',
    when: 'When',
    with: 'With',
    kind: 'How',
    manage: 'Reschedule or cancel',
    claim: 'Confirm or cancel',
    open: 'Open the booking',
  },
  ar: {
    booked: { subject: 'تم الحجز: {service} في {date}', body: 'تم حجز موعدك مع {firm}.', staff: 'حجز جديد من {name}.' },
    pending: { subject: 'طلب حجز: {service} في {date}', body: 'تلقى {firm} طلب حجزك وسيؤكده قريبًا.', staff: 'طلب حجز جديد من {name}: يرجى تأكيده.' },
    held: {
      subject: 'هل هذا حجزك؟ {service} في {date}',
      body: 'حجز شخص هذا الموعد مع {firm} باستخدام بريدك الإلكتروني. إن كنت أنت، فأكّده ليُضاف إلى حسابك. وإن لم تكن، فألغه أو تجاهل هذه الرسالة: إن لم يُؤكَّد يُلغى خلال {hours} ساعة.',
      staff: 'حجز جديد من {name} دون تسجيل الدخول بعنوان حساب قائم: يبقى محجوزًا حتى يؤكده من بريده، وإلا يُلغى.',
    },
    confirmed: { subject: 'تم التأكيد: {service} في {date}', body: 'أكد {firm} موعدك.', staff: 'تم تأكيد الحجز مع {name}.' },
    rescheduled: { subject: 'تم النقل: {service} إلى {date}', body: 'لموعدك مع {firm} وقت جديد.', staff: 'للحجز مع {name} وقت جديد.' },
    cancelled: { subject: 'تم الإلغاء: {service} في {date}', body: 'تم إلغاء موعدك مع {firm}.', staff: 'تم إلغاء الحجز مع {name}.' },
    reminder: { subject: 'تذكير: {service} في {date}', body: 'تذكير بموعدك مع {firm}.', staff: 'تذكير بموعدك مع {name}.' },
    series: { subject: '{count} × {service} بدءًا من {date}', body: 'مواعيدك مع {firm} وعددها {count}:', staff: '{count} مواعيد مع {name}:' },
    seriesRescheduled: {
      subject: 'تم النقل: {count} × {service} بدءًا من {date}',
      body: 'لمواعيدك مع {firm} وعددها {count} أوقات جديدة:',
      staff: 'لهذه المواعيد مع {name} وعددها {count} أوقات جديدة:',
    },
    seriesCancelled: {
      subject: 'تم الإلغاء: {count} × {service} بدءًا من {date}',
      body: 'أُلغيت هذه المواعيد مع {firm} وعددها {count}:',
      staff: 'أُلغيت هذه المواعيد مع {name} وعددها {count}:',
    },
    notBooked: 'تعذّر حجز هذه المواعيد:',
    greeting: 'مرحبًا {name}،',
    when: 'الموعد',
    with: 'مع',
    kind: 'الطريقة',
    manage: 'تغيير الموعد أو إلغاؤه',
    claim: 'التأكيد أو الإلغاء',
    open: 'فتح الحجز',
  },
  hi: {
    booked: { subject: 'बुक हुआ: {service}, {date}', body: '{firm} के साथ आपकी अपॉइंटमेंट बुक हो गई है।', staff: '{name} की ओर से नई बुकिंग।' },
    pending: {
      subject: 'अनुरोध: {service}, {date}',
      body: '{firm} को आपका बुकिंग अनुरोध मिल गया है और वह जल्द ही इसकी पुष्टि करेगा।',
      staff: '{name} की ओर से नया बुकिंग अनुरोध: कृपया इसकी पुष्टि करें।',
    },
    held: {
      subject: 'क्या यह आपकी बुकिंग है? {service}, {date}',
      body: 'किसी ने आपके ईमेल पते से {firm} के साथ यह अपॉइंटमेंट बुक की है। अगर यह आप थे, तो इसे अपने खाते में जोड़ने के लिए पक्का करें। अगर नहीं, तो इसे रद्द करें या इस ईमेल को अनदेखा करें: पक्की न होने पर यह {hours} घंटों में छोड़ दी जाती है।',
      staff: '{name} की ओर से नई बुकिंग, बिना साइन इन किए किसी खाते के पते से: यह तब तक रोकी गई है जब तक वे अपने ईमेल से इसे पक्का नहीं करते, वरना छोड़ दी जाएगी।',
    },
    confirmed: { subject: 'पुष्टि हुई: {service}, {date}', body: '{firm} ने आपकी अपॉइंटमेंट की पुष्टि कर दी है।', staff: '{name} के साथ बुकिंग की पुष्टि हो गई है।' },
    rescheduled: { subject: 'समय बदला: {service}, अब {date}', body: '{firm} के साथ आपकी अपॉइंटमेंट का नया समय है।', staff: '{name} के साथ बुकिंग का नया समय है।' },
    cancelled: { subject: 'रद्द: {service}, {date}', body: '{firm} के साथ आपकी अपॉइंटमेंट रद्द कर दी गई है।', staff: '{name} के साथ बुकिंग रद्द कर दी गई है।' },
    reminder: { subject: 'रिमाइंडर: {service}, {date}', body: '{firm} के साथ आपकी अपॉइंटमेंट का रिमाइंडर।', staff: '{name} के साथ आपकी अपॉइंटमेंट का रिमाइंडर।' },
    series: { subject: '{count} × {service}, {date} से', body: '{firm} के साथ आपकी {count} अपॉइंटमेंट:', staff: '{name} के साथ {count} अपॉइंटमेंट:' },
    seriesRescheduled: {
      subject: 'समय बदला: {count} × {service}, {date} से',
      body: '{firm} के साथ आपकी {count} अपॉइंटमेंट का नया समय है:',
      staff: '{name} के साथ इन {count} अपॉइंटमेंट का नया समय है:',
    },
    seriesCancelled: {
      subject: 'रद्द: {count} × {service}, {date} से',
      body: '{firm} के साथ ये {count} अपॉइंटमेंट रद्द हो गई हैं:',
      staff: '{name} के साथ ये {count} अपॉइंटमेंट रद्द हो गई हैं:',
    },
    notBooked: 'ये समय बुक नहीं हो सके:',
    greeting: 'नमस्ते {name},',
    when: 'कब',
    with: 'किसके साथ',
    kind: 'कैसे',
    manage: 'समय बदलें या रद्द करें',
    claim: 'पक्का करें या रद्द करें',
    open: 'बुकिंग खोलें',
  },
};

const TYPES: Record<Locale, Record<string, string>> = {
  en: { 'in-person': 'In person', video: 'Video call', phone: 'Phone call' },
  ar: { 'in-person': 'حضوريًا', video: 'مكالمة فيديو', phone: 'مكالمة هاتفية' },
  hi: { 'in-person': 'व्यक्तिगत रूप से', video: 'वीडियो कॉल', phone: 'फ़ोन कॉल' },
};

/**
 * "Tuesday, December 1, 2026, 10:00 – 11:00 AM (America/New_York)" in the reader's language and
 * zone: always the range. In the repeated hour of a fall-back night each end names its offset
 * ("1:00 AM EDT – 1:00 AM EST"), where a plain range would read as one instant.
 */
function whenIn(locale: Locale, zone: string, start: string, end: string): { date: string; full: string } {
  const [from, to] = [Date.parse(start), Date.parse(end)];
  if (!wallTimeRepeats(zone, from) && !wallTimeRepeats(zone, to)) {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(from);
    return { date, full: `${new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).formatRange(from, to)} (${zone})` };
  }
  const day = (dateStyle: 'medium' | 'full') => new Intl.DateTimeFormat(locale, { dateStyle, timeZone: zone }).format(from);
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: zone });
  return { date: `${day('medium')}, ${time.format(from)}`, full: `${day('full')}, ${time.format(from)} – ${time.format(to)} (${zone})` };
}

export interface BookingEmailInput {
  kind: BookingEmailKind;
  locale: Locale;
  to: string;
  name: string;
  firm: string;
  service: string;
  staffName: string;
  bookingType: string;
  start: string;
  end: string;
  zone: string;
  /** The manage link (clients) or the booking's page (staff). */
  link: string;
  forStaff: boolean;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

export function bookingEmail(input: BookingEmailInput): Email {
  const t = TEXT[input.locale];
  const { date, full } = whenIn(input.locale, input.zone, input.start, input.end);
  const values = { name: input.name, firm: input.firm, service: input.service, date, hours: String(HOLD_HOURS) };
  const facts: [string, string][] = [
    [t.when, full],
    [t.with, input.forStaff ? input.name : input.staffName],
    [t.kind, TYPES[input.locale][input.bookingType] ?? input.bookingType],
  ];
  const action = input.forStaff || input.kind === 'cancelled' ? t.open : input.kind === 'held' ? t.claim : t.manage;
  const greeting = fill(t.greeting, { name: input.forStaff ? input.staffName : input.name });
  const body = fill(input.forStaff ? t[input.kind].staff : t[input.kind].body, values);
  const dir = directionOf(input.locale);
  return {
    to: input.to,
    subject: fill(t[input.kind].subject, values),
    text: [greeting, '', body, '', input.service, ...facts.map(([k, v]) => `${k}: ${v}`), '', `${action}: ${input.link}`].join('\n'),
    html: `<!doctype html><html lang="${input.locale}" dir="${dir}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a">
<p>${escapeHtml(greeting)}</p><p>${escapeHtml(body)}</p>
<h2 style="font-size:18px;margin:16px 0 8px">${escapeHtml(input.service)}</h2>
<table role="presentation">${facts.map(([k, v]) => `<tr><th style="text-align:start;padding-inline-end:12px;color:#475569">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
<p><a href="${escapeHtml(input.link)}" style="display:inline-block;padding:10px 18px;background:#1d5fd1;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p></body></html>`,
  };
}

export interface SeriesEmailInput extends Omit<BookingEmailInput, 'kind' | 'start' | 'end' | 'link' | 'staffName'> {
  kind: SeriesEmailKind;
  confirmed: boolean;
  /** Each occurrence with who takes it and its link (the client's manage link, or the booking's page for staff); none once cancelled. */
  occurrences: { start: string; end: string; staffName: string; link?: string | undefined }[];
  /** Starts of the occurrences that could not be booked. */
  skipped: string[];
}

/** One email for a whole series, booked or cancelled: every date with its own link, and the dates that could not be booked. */
export function seriesEmail(input: SeriesEmailInput): Email {
  const t = TEXT[input.locale];
  const first = input.occurrences[0]!;
  const values = {
    name: input.name,
    firm: input.firm,
    service: input.service,
    date: whenIn(input.locale, input.zone, first.start, first.end).date,
    count: String(input.occurrences.length),
  };
  const action = input.forStaff ? t.open : t.manage;
  const booked = input.occurrences.map((o) => ({
    when: whenIn(input.locale, input.zone, o.start, o.end).full + (input.forStaff ? '' : ` · ${o.staffName}`),
    link: o.link,
  }));
  const missed = input.skipped.map((start) =>
    new Intl.DateTimeFormat(input.locale, { dateStyle: 'full', timeStyle: 'short', timeZone: input.zone }).format(Date.parse(start)),
  );
  const greeting = fill(t.greeting, { name: input.forStaff ? input.occurrences[0]!.staffName : input.name });
  const texts = t[input.kind];
  const intro = fill(input.forStaff ? texts.staff : texts.body, values);
  const waiting = input.confirmed || input.kind === 'seriesCancelled' ? [] : [fill(input.forStaff ? t.pending.staff : t.pending.body, values)];
  const how = `${t.kind}: ${TYPES[input.locale][input.bookingType] ?? input.bookingType}`;
  const dir = directionOf(input.locale);
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
  return {
    to: input.to,
    subject: fill(texts.subject, values),
    text: [
      greeting,
      '',
      intro,
      ...booked.map((b) => `- ${b.when}${b.link ? ` — ${action}: ${b.link}` : ''}`),
      ...(missed.length ? ['', t.notBooked, ...missed.map((m) => `- ${m}`)] : []),
      '',
      ...waiting,
      how,
    ].join('\n'),
    html: `<!doctype html><html lang="${input.locale}" dir="${dir}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a">
<p>${escapeHtml(greeting)}</p><h2 style="font-size:18px;margin:16px 0 8px">${escapeHtml(input.service)}</h2><p>${escapeHtml(intro)}</p>
${list(booked.map((b) => escapeHtml(b.when) + (b.link ? ` — <a href="${escapeHtml(b.link)}">${escapeHtml(action)}</a>` : '')))}
${missed.length ? `<p>${escapeHtml(t.notBooked)}</p>${list(missed.map(escapeHtml))}` : ''}
${waiting.map((w) => `<p>${escapeHtml(w)}</p>`).join('')}<p>${escapeHtml(how)}</p></body></html>`,
  };
}
