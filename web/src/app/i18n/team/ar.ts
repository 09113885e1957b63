import type en from './en.ts';

const ar: typeof en = {
  team: {
    title: 'جاهزية الفريق',
    lead: 'من يستطيع تولي مزيد من العمل: حالة كل شخص، والطلبات التي يعمل عليها مقارنة بطاقته، والمتاح منها.',
    empty: 'لا أعضاء في الفريق بعد.',
    member: 'العضو',
    status: 'الجاهزية',
    load: 'الطلبات النشطة',
    openTasks: 'المهام المفتوحة',
    available: 'الطاقة المتاحة',
    skills: 'المهارات',
    matrix: 'مصفوفة المهارات',
    noSkill: 'غير متوفرة',
    historyOf: 'سجل إسناد {name}',
    noHistory: 'لم يُسند شيء بعد.',
    close: 'إغلاق',
    byRanking: 'بالترتيب التلقائي',
    byPerson: 'بواسطة {name}',
    fromPerson: 'انتقل من {name}',
    loadOf: 'حمل {name}',
    ofCapacity: '{active} من {max}',
    statuses: { available: 'متاح', busy: 'مشغول', offline: 'غير متصل', on_leave: 'في إجازة' },
    levels: { junior: 'مبتدئ', intermediate: 'متوسط', senior: 'أول', expert: 'خبير' },
  },
};

export default ar;
