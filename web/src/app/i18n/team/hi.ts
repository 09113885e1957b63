import type en from './en.ts';

const hi: typeof en = {
  team: {
    title: 'टीम की उपलब्धता',
    lead: 'कौन और काम ले सकता है: हर व्यक्ति की स्थिति, उनकी क्षमता की तुलना में चल रहे अनुरोध, और कितनी क्षमता खाली है।',
    empty: 'अभी कोई टीम सदस्य नहीं।',
    member: 'सदस्य',
    status: 'उपलब्धता',
    load: 'सक्रिय अनुरोध',
    openTasks: 'खुले कार्य',
    available: 'खाली क्षमता',
    skills: 'कौशल',
    matrix: 'कौशल मैट्रिक्स',
    noSkill: 'नहीं है',
    historyOf: '{name} का असाइनमेंट इतिहास',
    noHistory: 'अभी कुछ नहीं सौंपा गया।',
    close: 'बंद करें',
    byRanking: 'स्वचालित रैंकिंग द्वारा',
    byPerson: '{name} द्वारा',
    fromPerson: '{name} से लिया गया',
    loadOf: '{name} का भार',
    ofCapacity: '{max} में से {active}',
    statuses: { available: 'उपलब्ध', busy: 'व्यस्त', offline: 'ऑफ़लाइन', on_leave: 'छुट्टी पर' },
    levels: { junior: 'जूनियर', intermediate: 'मध्यम', senior: 'सीनियर', expert: 'विशेषज्ञ' },
  },
};

export default hi;
