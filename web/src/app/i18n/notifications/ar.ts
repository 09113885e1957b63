import type en from './en.ts';

const ar: typeof en = {
  bell: {
    label: 'الإشعارات',
    unread: '{count} غير مقروءة',
    empty: 'لا توجد إشعارات بعد.',
    markAll: 'تعليم الكل كمقروء',
    grouped: {
      'request.commented': '{count} تعليقات جديدة على {reference}',
      'request.status_changed': 'تغيّر {reference} {count} مرات',
      'request.due_soon': 'يحين موعد {reference} في {due}: {title}',
      'request.overdue': 'فات موعد {reference} (كان {due}): {title}',
      'task.due_soon': 'يحين موعد المهمة «{title}» في {due}',
      'task.overdue': 'فات موعد المهمة «{title}» (كان {due})',
      'task.assigned': '{count} مهام جديدة لك',
      'task.commented': '{count} تعليقات جديدة على المهمة «{title}»',
    },
    kinds: {
      'user.joined': 'قبل {name} الدعوة وانضم بصفة {role}.',
      'user.signed_up': 'سجّل {name} وأكّد بريده الإلكتروني.',
      'request.submitted': 'طلب {client} ‏{reference}: {title}',
      'request.status_changed': 'أصبح {reference} ‏{status}',
      'request.completed': 'اكتمل العمل على {reference}: وافق عليه أو اطلب تعديلات',
      'request.assigned': 'أُسند إليك {reference}: {title}',
      'request.commented': 'علّق {actor} على {reference}',
      'request.approved': 'اعتمد {actor} العمل في {reference}',
      'request.unassigned': 'لا أحد يناسب {reference} ‏({title}) الآن: أسنده يدويًا',
      'task.assigned': 'أسند إليك {actor} مهمة: {title}',
      'task.status_changed': 'نقل {actor} المهمة «{title}» إلى {status}',
      'task.commented': 'علّق {actor} على المهمة «{title}»',
      'booking.created': 'حجز {client} ‏{service} ‏({reference})',
      'booking.confirmed': 'تم تأكيد {service} مع {client} ‏({reference})',
      'booking.rescheduled': 'نقل {actor} موعد {service} مع {client} ‏({reference})',
      'booking.cancelled': 'ألغى {actor} موعد {service} مع {client} ‏({reference})',
      'booking.claimed': 'أكد {client} بالبريد الإلكتروني أن {service} ‏({reference}) موعده',
      'booking.series_booked': 'حجز {actor} ‏{count} × {service} لـ{client}',
      'booking.series_rescheduled': 'نقل {actor} ‏{count} × {service} مع {client}',
      'booking.series_cancelled': 'ألغى {actor} ‏{count} × {service} مع {client}',
      'document.quarantined': 'عُثر على برمجية خبيثة في «{name}»: عُزل الملف ولا يمكن لأحد تنزيله',
      'document.unscannable': 'تعذّر فحص «{name}» بحثًا عن البرمجيات الخبيثة، لذلك لم تتم مشاركته',
      'document.rejected': 'نوع «{name}» ليس ما يدل عليه اسمه، لذلك لم تتم مشاركته',
    },
  },
  emailLink: {
    title: 'جارٍ فتح الرابط…',
    notYours: 'أُرسل هذا الرابط إلى شخص آخر. سجّل الخروج ثم ادخل بحسابه لفتحه.',
    expired: 'انتهت صلاحية هذا الرابط. افتح البوابة لتجد ما كان يشير إليه.',
    missing: 'هذا الرابط لا يعمل. ربما اقتُطع: جرّب نسخ الرابط كاملًا من الرسالة.',
    home: 'اذهب إلى البوابة',
  },
};

export default ar;
