import type en from './en.ts';

const hi: typeof en = {
  bell: {
    label: 'सूचनाएँ',
    unread: '{count} अपठित',
    empty: 'अभी कोई सूचना नहीं।',
    markAll: 'सभी को पढ़ा हुआ चिह्नित करें',
    grouped: {
      'request.commented': '{reference} पर {count} नई टिप्पणियाँ',
      'request.status_changed': '{reference} {count} बार बदला',
      'request.due_soon': '{reference} की समय-सीमा {due} है: {title}',
      'request.overdue': '{reference} की समय-सीमा ({due}) निकल गई: {title}',
      'task.due_soon': 'कार्य “{title}” की समय-सीमा {due} है',
      'task.overdue': 'कार्य “{title}” की समय-सीमा ({due}) निकल गई',
      'task.assigned': 'आपके लिए {count} नए कार्य',
      'task.commented': 'कार्य “{title}” पर {count} नई टिप्पणियाँ',
    },
    kinds: {
      'user.joined': '{name} ने आमंत्रण स्वीकार किया और {role} के रूप में जुड़े।',
      'user.signed_up': '{name} ने साइन अप किया और अपना ईमेल पक्का किया।',
      'request.submitted': '{client} ने {reference} माँगा: {title}',
      'request.status_changed': '{reference} अब {status} है',
      'request.completed': '{reference} का काम पूरा हुआ: स्वीकृत करें या बदलाव माँगें',
      'request.assigned': '{reference} आपको सौंपा गया: {title}',
      'request.commented': '{actor} ने {reference} पर टिप्पणी की',
      'request.approved': '{actor} ने {reference} का काम स्वीकृत किया',
      'request.unassigned': 'अभी {reference} ({title}) के लिए कोई उपयुक्त नहीं: इसे खुद सौंपें',
      'task.assigned': '{actor} ने आपको एक कार्य दिया: {title}',
      'task.status_changed': '{actor} ने कार्य “{title}” को {status} में बदला',
      'task.commented': '{actor} ने कार्य “{title}” पर टिप्पणी की',
      'booking.created': '{client} ने {service} बुक की ({reference})',
      'booking.confirmed': '{client} के साथ {service} की पुष्टि हुई ({reference})',
      'booking.rescheduled': '{actor} ने {client} के साथ {service} का समय बदला ({reference})',
      'booking.cancelled': '{actor} ने {client} के साथ {service} रद्द की ({reference})',
      'booking.claimed': '{client} ने ईमेल से पक्का किया कि {service} ({reference}) उनकी है',
      'booking.series_booked': '{actor} ने {client} के लिए {count} × {service} बुक कीं',
      'booking.series_rescheduled': '{actor} ने {client} के साथ {count} × {service} खिसकाईं',
      'booking.series_cancelled': '{actor} ने {client} के साथ {count} × {service} रद्द कीं',
      'document.quarantined': '“{name}” में मैलवेयर मिला: इसे अलग रखा गया है और कोई इसे डाउनलोड नहीं कर सकता',
      'document.unscannable': '“{name}” की मैलवेयर जाँच नहीं हो सकी, इसलिए इसे साझा नहीं किया गया',
      'document.rejected': '“{name}” उस प्रकार की फ़ाइल नहीं है जो उसका नाम बताता है, इसलिए इसे साझा नहीं किया गया',
    },
  },
  emailLink: {
    title: 'लिंक खुल रहा है…',
    notYours: 'यह लिंक किसी और को ईमेल किया गया था। इसे खोलने के लिए साइन आउट करके उनके रूप में साइन इन करें।',
    expired: 'इस लिंक की अवधि समाप्त हो गई। जिस चीज़ की ओर यह था, उसे पोर्टल में खोजें।',
    missing: 'यह लिंक काम नहीं करता। शायद यह अधूरा कॉपी हुआ: ईमेल से पूरा लिंक कॉपी करके देखें।',
    home: 'पोर्टल पर जाएँ',
  },
};

export default hi;
