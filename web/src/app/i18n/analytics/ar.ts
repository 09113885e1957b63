import type en from './en.ts';

const ar: typeof en = {
  dashboard: {
    welcome: 'مرحبًا، {name}',
    firm: 'المكتب: {firm}',
    staffLead: 'الطلبات والمهام والمواعيد المسندة إليك.',
    adminLead: 'أدِر المكتب: الطلبات والفريق والخدمات والإعدادات والتدقيق.',
  },
  kpi: {
    bookings: 'الحجوزات',
    utilization: 'نسبة الاستغلال',
    utilizationDetail: 'نسبة الساعات المحجوزة من الساعات المتاحة للحجز، آخر 14 يومًا',
    noShows: 'عدم الحضور',
    noShowsDetail: 'من الحجوزات المسجّلة نتيجتها، آخر 14 يومًا',
    bookingsAhead: 'الحجوزات يوميًا، الأيام السبعة القادمة',
    title: 'الطلبات في لمحة',
    active: 'الطلبات النشطة',
    activeDetail: 'مُرسلة، ولم تكتمل أو تُلغَ بعد',
    newThisWeek: 'جديدة هذا الأسبوع',
    lastWeek: '{count} الأسبوع الماضي',
    completion: 'نسبة الإنجاز هذا الشهر',
    completionDetail: '{completed} مكتملة · {cancelled} ملغاة',
    noneClosed: 'لم يكتمل أو يُلغَ شيء بعد هذا الشهر',
    pipeline: 'الإيرادات المرتقبة',
    pipelineDetail: 'العمل المفتوح بحسب ميزانيته، وإلا فبسعر الخدمة',
    byStatus: 'الطلبات حسب الحالة',
    byPriority: 'الطلبات المفتوحة حسب الأولوية',
    byService: 'الطلبات المفتوحة حسب الخدمة',
    overloaded: 'فوق الطاقة',
    teamWorkload: 'عبء عمل الفريق',
    openTasks: '{count} مهام مفتوحة',
    empty: 'لا طلبات بعد.',
  },
};

export default ar;
