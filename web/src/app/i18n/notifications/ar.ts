import type en from './en.ts';

const ar: typeof en = {
  bell: {
    label: 'الإشعارات',
    unread: '{count} غير مقروءة',
    empty: 'لا توجد إشعارات بعد.',
    markAll: 'تعليم الكل كمقروء',
    kinds: {
      'user.joined': 'قبل {name} الدعوة وانضم بصفة {role}.',
      'user.signed_up': 'سجّل {name} وأكّد بريده الإلكتروني.',
      'request.submitted': 'طلب {client} ‏{reference}: {title}',
      'request.status_changed': 'أصبح {reference} ‏{status}',
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
    },
  },
};

export default ar;
