import type en from './en.ts';

const ar: typeof en = {
  savedViews: {
    title: 'العروض المحفوظة',
    empty: 'لا توجد عروض محفوظة بعد.',
    delete: 'احذف العرض {name}',
    deleted: 'حُذف العرض {name}.',
    name: 'احفظ عوامل التصفية هذه باسم',
    save: 'احفظ العرض',
    saving: 'جارٍ الحفظ…',
    saved: 'حُفظ باسم {name}.',
    nameRequired: 'أعطِ العرض اسمًا.',
    nameTaken: 'لديك عرض باسم {name} بالفعل.',
    full: 'لديك {max} عرضًا محفوظًا. احذف واحدًا لتحفظ غيره.',
  },
};

export default ar;
