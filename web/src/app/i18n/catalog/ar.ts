import type en from './en.ts';

const ar: typeof en = {
  services: {
    title: 'الخدمات',
    add: 'إضافة خدمة',
    newTitle: 'خدمة جديدة',
    editTitle: 'تعديل {name}',
    edit: 'تعديل',
    save: 'حفظ الخدمة',
    saving: 'جارٍ الحفظ…',
    cancel: 'إلغاء',
    empty: 'لا خدمات بعد. أضف أول خدمة يمكن للعملاء طلبها.',
    questionsHint: 'سؤال في كل سطر. ابدأ السطر بـ * إذا كانت الإجابة مطلوبة.',
    statuses: { active: 'نشطة', inactive: 'غير نشطة', deprecated: 'متوقفة' },
    fields: {
      name: 'الاسم',
      category: 'الفئة',
      description: 'الوصف',
      basePrice: 'السعر الأساسي',
      basePriceIn: 'السعر الأساسي ({currency})',
      estimatedHours: 'الساعات المقدرة',
      requiredSkills: 'المهارات المطلوبة (مفصولة بفواصل)',
      questions: 'أسئلة للعميل',
      status: 'الحالة',
    },
  },
  catalog: {
    title: 'خدمات {firm}',
    lead: 'ما يمكنك طلبه من {firm}. سجّل الدخول لطلب خدمة.',
    from: 'ابتداءً من {price}',
    hours: 'نحو {hours} ساعة',
    signIn: 'سجّل الدخول للطلب',
    signUp: 'عميل جديد؟ سجّل',
    book: 'احجز موعدًا',
    empty: 'لا توجد لدى {firm} خدمات متاحة للطلب الآن.',
    unknown: 'هذا الرابط لا يشير إلى شركة. تحقق من العنوان الذي أُعطي لك.',
  },
};

export default ar;
