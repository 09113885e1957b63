import type en from './en.ts';

const ar: typeof en = {
  clientHome: {
    welcome: 'مرحبًا، {name}',
    firm: 'بوابتك مع {firm}.',
    ask: 'اطلب خدمة',
    book: 'احجز موعدًا',
    attention: {
      title: 'بانتظارك',
      empty: 'لا شيء بانتظارك الآن.',
      kinds: {
        submit: 'أرسل مسودتك',
        reply: 'أجب عن رسالة الشركة',
        accept: 'راجع العمل المكتمل واقبله',
      },
      since: 'منذ {date}',
    },
    open: {
      title: 'طلباتك المفتوحة',
      empty: 'لا توجد طلبات مفتوحة.',
      all: 'اعرض كل طلباتك',
    },
    upcoming: {
      title: 'المواعيد القادمة',
      empty: 'لا توجد مواعيد قادمة.',
      all: 'اعرض كل مواعيدك',
    },
    activity: {
      title: 'آخر النشاطات',
      empty: 'لم يحدث شيء بعد.',
    },
  },
  myAppointments: {
    title: 'مواعيدك',
    lead: 'تظهر الأوقات بمنطقتك الزمنية، {zone}.',
    upcoming: 'القادمة',
    past: 'السابقة',
    emptyUpcoming: 'لا توجد مواعيد قادمة.',
    emptyPast: 'لا توجد مواعيد سابقة.',
    with: 'مع {name}',
    bookedBy: 'حجزه {name}',
  },
};

export default ar;
