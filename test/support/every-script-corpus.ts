/**
 * Short phrases in languages spoken in the UK, in every script they are written in, each with the name
 * of a speaker written as that speaker would write it. Every phrase means roughly "at last we were
 * heard" or "we want a bigger park"; the corpus is about scripts, not meaning.
 */
export interface CorpusEntry {
  /** BCP 47 tag of the phrase's language. */
  lang: string;
  language: string;
  phrase: string;
  name: string;
  rtl: boolean;
}

export const EVERY_SCRIPT_CORPUS: readonly CorpusEntry[] = [
  { lang: 'pl', language: 'Polish', phrase: 'Wreszcie ktoś nas wysłuchał', name: 'Zofia Wiśniewska', rtl: false },
  { lang: 'ro', language: 'Romanian', phrase: 'Am fost ascultați și s-a schimbat ceva', name: 'Ioana Păunescu', rtl: false },
  { lang: 'pa', language: 'Panjabi (Gurmukhi)', phrase: 'ਆਖ਼ਰਕਾਰ ਸਾਡੀ ਗੱਲ ਸੁਣੀ ਗਈ', name: 'ਹਰਪ੍ਰੀਤ ਕੌਰ', rtl: false },
  { lang: 'pa-Arab', language: 'Panjabi (Shahmukhi)', phrase: 'آخر ساڈی گل سنی گئی', name: 'گرمیت سنگھ', rtl: true },
  { lang: 'ur', language: 'Urdu', phrase: 'آخرکار ہماری بات سنی گئی', name: 'عائشہ خان', rtl: true },
  { lang: 'bn', language: 'Bengali', phrase: 'অবশেষে আমাদের কথা শোনা হয়েছে', name: 'রহিমা বেগম', rtl: false },
  { lang: 'gu', language: 'Gujarati', phrase: 'આખરે અમારી વાત સાંભળવામાં આવી', name: 'હેમા પટેલ', rtl: false },
  { lang: 'ar', language: 'Arabic', phrase: 'لقد استمعوا إلينا أخيرًا', name: 'فاطمة الزهراء', rtl: true },
  { lang: 'pt', language: 'Portuguese', phrase: 'Finalmente ouviram a nossa opinião', name: 'João Conceição', rtl: false },
  { lang: 'es', language: 'Spanish', phrase: 'Por fin nos escucharon', name: 'Inés Muñoz', rtl: false },
  { lang: 'ta', language: 'Tamil', phrase: 'இறுதியாக எங்கள் குரல் கேட்கப்பட்டது', name: 'செல்வி ராஜா', rtl: false },
  { lang: 'zh-Hans', language: 'Chinese (Simplified)', phrase: '我们的意见终于被听到了', name: '李明华', rtl: false },
  { lang: 'zh-Hant', language: 'Chinese (Traditional)', phrase: '我們的意見終於被聽到了', name: '陳嘉欣', rtl: false },
  { lang: 'lt', language: 'Lithuanian', phrase: 'Pagaliau mūsų išklausė', name: 'Rūta Žukauskienė', rtl: false },
  { lang: 'tr', language: 'Turkish', phrase: 'Sonunda sesimiz duyuldu', name: 'Ayşe Yılmaz', rtl: false },
  { lang: 'so', language: 'Somali', phrase: 'Ugu dambeyntii waa nala dhegaystay', name: 'Hodan Cabdi', rtl: false },
  { lang: 'ti', language: 'Tigrinya', phrase: 'ኣብ መወዳእታ ድምጽና ተሰሚዑ', name: 'ሰላም ተኽለ', rtl: false },
  { lang: 'uk', language: 'Ukrainian', phrase: 'Нас нарешті почули', name: 'Олена Коваленко', rtl: false },
  { lang: 'fa', language: 'Farsi', phrase: 'ما پارک بزرگ‌تری می‌خواهیم', name: 'مریم رضایی', rtl: true },
  { lang: 'ckb', language: 'Kurdish (Sorani)', phrase: 'لە کۆتاییدا دەنگمان بیسترا', name: 'ژیلا ئەحمەد', rtl: true },
  { lang: 'cy', language: 'Welsh', phrase: "O'r diwedd, mae'r grŵp wedi cael ei glywed", name: 'Siân Llŷr', rtl: false },
  { lang: 'gd', language: 'Scottish Gaelic', phrase: 'Mu dheireadh thall, chaidh èisteachd ruinn', name: 'Mòrag NicLeòid', rtl: false },
  { lang: 'ga', language: 'Irish', phrase: 'Éisteadh linn faoi dheireadh', name: 'Aoife Ní Bhriain', rtl: false },
  { lang: 'he', language: 'Hebrew', phrase: 'סוף סוף שמעו אותנו', name: 'נועה לוי', rtl: true },
  { lang: 'hi', language: 'Hindi', phrase: 'आख़िरकार हमारी बात सुनी गई', name: 'प्रिया शर्मा', rtl: false },
  { lang: 'si', language: 'Sinhala', phrase: 'අවසානයේ අපේ හඬ ඇසුණා', name: 'නිමාලි පෙරේරා', rtl: false },
  { lang: 'am', language: 'Amharic', phrase: 'በመጨረሻ ድምፃችን ተሰማ', name: 'ሄለን ታደሰ', rtl: false },
  { lang: 'th', language: 'Thai', phrase: 'ในที่สุดเสียงของเราก็ได้รับการรับฟัง', name: 'สมศรี ใจดี', rtl: false },
  { lang: 'ja', language: 'Japanese', phrase: 'ようやく私たちの声が届きました', name: '佐藤美咲', rtl: false },
  { lang: 'ko', language: 'Korean', phrase: '드디어 우리의 목소리가 들렸습니다', name: '김민지', rtl: false },
  { lang: 'el', language: 'Greek', phrase: 'Επιτέλους μας άκουσαν', name: 'Ελένη Παπαδοπούλου', rtl: false },
];
