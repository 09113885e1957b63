import type en from './en.ts';

const ar: typeof en = {
  apiDocs: {
    title: 'مرجع واجهة البرمجة',
    lead: 'كل عمليات واجهة برمجة بوابة الخدمات، من مستند OpenAPI 3.1.',
    raw: 'مستند OpenAPI (JSON)',
    access: 'من يمكنه استدعاؤها',
    public: 'أي شخص',
    signedIn: 'أي مستخدم مسجّل الدخول',
    permission: 'حاملو الصلاحية {permission}',
    parameters: 'المعاملات',
    body: 'جسم الطلب',
    responses: 'الاستجابات',
  },
  health: {
    title: 'صحة النظام',
    again: 'تحقق مرة أخرى',
    checking: 'جارٍ التحقق…',
    allOk: 'كل جزء يستجيب كما ينبغي.',
    someFailing: 'بعض الأجزاء تحتاج إلى انتباه.',
    ok: 'سليم',
    failing: 'متعطل',
    latency: 'زمن الاستجابة',
    error: 'الخطأ',
    yes: 'نعم',
    no: 'لا',
    checks: { table: 'جدول قاعدة البيانات', bus: 'ناقل الأحداث', queues: 'قوائم الرسائل الميتة', realtime: 'الاتصالات المباشرة', mail: 'البريد الإلكتروني' },
    descriptions: {
      table: 'حيث يُخزَّن كل شيء.',
      bus: 'ينقل التغييرات إلى الرسائل والإشعارات.',
      queues: 'أعمال فشلت في كل المحاولات. أي شيء هنا يحتاج إلى من يراجعه.',
      realtime: 'أشخاص من شركتك متصلون الآن للتحديثات المباشرة.',
      mail: 'هل تستطيع البوابة إرسال البريد الإلكتروني.',
    },
    facts: {
      status: 'الحالة',
      items: 'العناصر (تقريبًا)',
      name: 'الاسم',
      connections: 'الاتصالات المفتوحة',
      sending: 'الإرسال مفعّل',
      sentLast24Hours: 'المرسل خلال 24 ساعة',
      max24HourSend: 'حد الإرسال اليومي',
      'stream-router': 'تدفق التغييرات',
      'email-notifications': 'الرسائل',
      'in-app-notifications': 'الإشعارات',
      'auto-assignment': 'الإسناد التلقائي',
      'request-kpis': 'عدادات المؤشرات',
      jobs: 'المهام المجدولة',
    },
  },
};

export default ar;
