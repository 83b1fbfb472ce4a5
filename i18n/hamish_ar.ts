<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="33"/>
        <source>Main toolbar</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="34"/>
        <source>Menu bar</source>
        <translation>شريط القوائم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="35"/>
        <source>Status bar</source>
        <translation>شريط الحالة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="36"/>
        <source>Import progress</source>
        <translation>تقدّم الاستيراد</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="38"/>
        <source>Feeds refresh progress</source>
        <translation>تقدّم تحديث الخلاصات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="44"/>
        <location filename="../desktop_app/ui/accessibility.py" line="45"/>
        <source>More buttons</source>
        <translation>أزرار أخرى</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="50"/>
        <source>Reader</source>
        <translation>القارئ</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="53"/>
        <source>Article text</source>
        <translation>نص المقال</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="54"/>
        <source>The open article. Select text with the mouse, or with Shift and the arrow keys; H highlights the selection, 1 to 6 with a label.</source>
        <translation>المقال المفتوح. حدّد النص بالفأرة، أو بمفتاح Shift مع مفاتيح الأسهم؛ المفتاح H يظلّل التحديد، والمفاتيح من 1 إلى 6 تظلّله بتصنيف.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="62"/>
        <source>Tags of the article</source>
        <translation>وسوم المقال</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="63"/>
        <source>Separated by commas.</source>
        <translation>مفصولة بفواصل.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="65"/>
        <source>Find bar</source>
        <translation>شريط البحث في المقال</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="68"/>
        <source>Find in the article</source>
        <translation>البحث في المقال</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="69"/>
        <source>Ignores harakat and hamza forms.</source>
        <translation>يتجاهل الحركات وصور الهمزة.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="71"/>
        <source>Matches found</source>
        <translation>النتائج الموجودة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="76"/>
        <source>Library</source>
        <translation>المكتبة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="79"/>
        <source>Filter the library</source>
        <translation>تصفية المكتبة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="80"/>
        <source>By title, source or author.</source>
        <translation>حسب العنوان أو المصدر أو الكاتب.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="83"/>
        <source>Show the library or the trash</source>
        <translation>عرض المكتبة أو المهملات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="85"/>
        <source>Sort the articles by</source>
        <translation>ترتيب المقالات حسب</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="86"/>
        <source>Show the articles with the tag</source>
        <translation>عرض المقالات ذات الوسم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="89"/>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="90"/>
        <source>Enter opens the selected article; Delete moves it to the trash.</source>
        <translation>المفتاح Enter يفتح المقال المحدد، والمفتاح Delete ينقله إلى المهملات.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="98"/>
        <location filename="../desktop_app/ui/accessibility.py" line="101"/>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="102"/>
        <source>Words, &quot;a phrase&quot;, AND, OR, NOT; every form of an Arabic word is found.</source>
        <translation>كلمات، &quot;عبارة&quot;، AND، OR، NOT؛ ويُعثر على كل صيغ الكلمة العربية.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="107"/>
        <source>Saved searches</source>
        <translation>عمليات البحث المحفوظة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="110"/>
        <source>Search filters</source>
        <translation>مرشحات البحث</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="111"/>
        <source>Space checks or unchecks a value.</source>
        <translation>مفتاح المسافة يحدد القيمة أو يلغي تحديدها.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="115"/>
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="116"/>
        <source>Enter opens the result in the article; the menu key adds it to the briefing.</source>
        <translation>المفتاح Enter يفتح النتيجة في المقال، ومفتاح القائمة يضيفها إلى الموجز.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="125"/>
        <source>Annotations</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="127"/>
        <source>Highlights and notes of the article</source>
        <translation>تظليلات المقال وملاحظاته</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="131"/>
        <source>Highlights of the article</source>
        <translation>تظليلات المقال</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="132"/>
        <source>Enter goes to the highlight in the article.</source>
        <translation>المفتاح Enter ينتقل إلى التظليل في المقال.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="134"/>
        <source>Label of the highlight</source>
        <translation>تصنيف التظليل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="137"/>
        <source>Note on the highlight</source>
        <translation>ملاحظة على التظليل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="138"/>
        <location filename="../desktop_app/ui/accessibility.py" line="144"/>
        <location filename="../desktop_app/ui/accessibility.py" line="150"/>
        <source>Saved as you type.</source>
        <translation>تُحفظ أثناء الكتابة.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="140"/>
        <source>Notes on the article</source>
        <translation>ملاحظات على المقال</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="143"/>
        <source>Note on the article</source>
        <translation>ملاحظة على المقال</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="146"/>
        <source>Free notes</source>
        <translation>ملاحظات حرة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="149"/>
        <source>Free note</source>
        <translation>ملاحظة حرة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="156"/>
        <source>Briefing</source>
        <translation>الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="157"/>
        <source>Briefing shown</source>
        <translation>الموجز المعروض</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="160"/>
        <source>Contents of the briefing</source>
        <translation>محتوى الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="161"/>
        <source>Delete removes the entry; Ctrl+Shift+Up and Down move it.</source>
        <translation>المفتاح Delete يزيل البند، والمفتاحان Ctrl+Shift+Up وDown ينقلانه.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="165"/>
        <source>Preview of the briefing</source>
        <translation>معاينة الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="167"/>
        <source>Contents and details of the briefing</source>
        <translation>محتوى الموجز وبياناته</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="169"/>
        <source>Language of the briefing</source>
        <translation>لغة الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="171"/>
        <source>Briefing actions</source>
        <translation>أوامر الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/accessibility.py" line="173"/>
        <source>Entries of the briefing</source>
        <translation>بنود الموجز</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="18"/>
        <source>Import files…</source>
        <translation>استيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="19"/>
        <source>Import a folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="20"/>
        <source>Import from address…</source>
        <translation>استيراد من عنوان…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="21"/>
        <source>Paste as new article</source>
        <translation>لصق كمقال جديد</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="22"/>
        <source>Add the demo articles</source>
        <translation>إضافة المقالات التجريبية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="23"/>
        <source>Back up library…</source>
        <translation>نسخ المكتبة احتياطيًا…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="24"/>
        <source>Restore from backup…</source>
        <translation>الاستعادة من نسخة احتياطية…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="25"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="26"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="27"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="28"/>
        <source>Find in the article…</source>
        <translation>بحث في المقال…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="29"/>
        <source>Find the next match</source>
        <translation>النتيجة التالية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="30"/>
        <source>Find the previous match</source>
        <translation>النتيجة السابقة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="31"/>
        <source>Highlight the selection</source>
        <translation>تظليل النص المحدد</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="32"/>
        <source>Delete the selected highlight</source>
        <translation>حذف التظليل المحدد</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="33"/>
        <source>Rename the labels…</source>
        <translation>إعادة تسمية التصنيفات…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="34"/>
        <source>Larger text</source>
        <translation>تكبير النص</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="35"/>
        <source>Smaller text</source>
        <translation>تصغير النص</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="36"/>
        <source>Default text size</source>
        <translation>حجم النص الافتراضي</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="37"/>
        <source>More line spacing</source>
        <translation>زيادة تباعد الأسطر</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="38"/>
        <source>Less line spacing</source>
        <translation>تقليل تباعد الأسطر</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="39"/>
        <source>Follow the system</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="40"/>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="41"/>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="42"/>
        <source>Sepia</source>
        <translation>بني فاتح</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="43"/>
        <source>Move the article to the trash</source>
        <translation>نقل المقال إلى المهملات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="44"/>
        <source>Edit the tags…</source>
        <translation>تعديل الوسوم…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="45"/>
        <source>New free note</source>
        <translation>ملاحظة حرة جديدة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="46"/>
        <source>New note on the article</source>
        <translation>ملاحظة جديدة على المقال</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="47"/>
        <source>Go to the library</source>
        <translation>الانتقال إلى المكتبة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="48"/>
        <source>Go to the article</source>
        <translation>الانتقال إلى المقال</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="49"/>
        <source>Go to the search</source>
        <translation>الانتقال إلى البحث</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="50"/>
        <source>Go to the annotations</source>
        <translation>الانتقال إلى التعليقات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="51"/>
        <source>Go to the briefing</source>
        <translation>الانتقال إلى الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="52"/>
        <source>Go to the free notes</source>
        <translation>الانتقال إلى الملاحظات الحرة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="53"/>
        <source>Go to the feeds</source>
        <translation>الانتقال إلى الخلاصات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="54"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="55"/>
        <source>Open the menu bar</source>
        <translation>فتح شريط القوائم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="56"/>
        <source>About Hamish</source>
        <translation>عن هامش</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/actions.py" line="57"/>
        <source>Preferences…</source>
        <translation>التفضيلات…</translation>
    </message>
</context>
<context>
    <name>AddFeedDialog</name>
    <message>
        <location filename="../desktop_app/ui/dialogs/feed_dialog.py" line="27"/>
        <source>Add a feed</source>
        <translation>إضافة خلاصة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/feed_dialog.py" line="37"/>
        <source>The feed&apos;s own title</source>
        <translation>عنوان الخلاصة الأصلي</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/feed_dialog.py" line="40"/>
        <source>None</source>
        <translation>بلا وسم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/feed_dialog.py" line="44"/>
        <source>&amp;Address of the RSS or Atom feed:</source>
        <translation>&amp;عنوان خلاصة ‎RSS‎ أو ‎Atom‎:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/feed_dialog.py" line="45"/>
        <source>&amp;Name:</source>
        <translation>الا&amp;سم:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/feed_dialog.py" line="46"/>
        <source>&amp;Tag of its articles:</source>
        <translation>و&amp;سم مقالاتها:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/feed_dialog.py" line="58"/>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/feed_dialog.py" line="77"/>
        <source>Reading the feed…</source>
        <translation>جارٍ قراءة الخلاصة…</translation>
    </message>
</context>
<context>
    <name>AddressDialog</name>
    <message>
        <location filename="../desktop_app/ui/dialogs/address_dialog.py" line="60"/>
        <source>Import from address</source>
        <translation>استيراد من عنوان</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/address_dialog.py" line="63"/>
        <source>Web pages or PDF documents, one address a line:</source>
        <translation>صفحات ويب أو مستندات ‎PDF‎، عنوان في كل سطر:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/address_dialog.py" line="78"/>
        <source>Optional, separated by commas</source>
        <translation>اختيارية، تفصل بينها فواصل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/address_dialog.py" line="79"/>
        <source>&amp;Tags:</source>
        <translation>ال&amp;وسوم:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/address_dialog.py" line="84"/>
        <source>&amp;Import</source>
        <translation>ا&amp;ستيراد</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/dialogs/address_dialog.py" line="108"/>
        <source>%n line(s) not an http or https address, left out: %1</source>
        <translation>
            <numerusform>لا سطر يُستبعد: %1</numerusform>
            <numerusform>سطر واحد ليس عنوان ‎http‎ أو ‎https‎ فيُستبعد: %1</numerusform>
            <numerusform>سطران ليسا عنوانَي ‎http‎ أو ‎https‎ فيُستبعدان: %1</numerusform>
            <numerusform>%Ln أسطر ليست عناوين ‎http‎ أو ‎https‎ فتُستبعد: %1</numerusform>
            <numerusform>%Ln سطرًا ليست عناوين ‎http‎ أو ‎https‎ فتُستبعد: %1</numerusform>
            <numerusform>%Ln سطر ليست عناوين ‎http‎ أو ‎https‎ فتُستبعد: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/address_dialog.py" line="112"/>
        <source>Type or paste an address that starts with https://</source>
        <translation>اكتب عنوانًا يبدأ بـ ‎https://‎ أو الصقه</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/dialogs/address_dialog.py" line="114"/>
        <source>%n address(es) to import.</source>
        <translation>
            <numerusform>لا عناوين للاستيراد.</numerusform>
            <numerusform>عنوان واحد للاستيراد.</numerusform>
            <numerusform>عنوانان للاستيراد.</numerusform>
            <numerusform>%Ln عناوين للاستيراد.</numerusform>
            <numerusform>%Ln عنوانًا للاستيراد.</numerusform>
            <numerusform>%Ln عنوان للاستيراد.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../desktop_app/ui/panels/annotations_panel.py" line="69"/>
        <source>Delete highlight</source>
        <translation>حذف التظليل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/annotations_panel.py" line="76"/>
        <source>A note on this highlight; it is saved as you type.</source>
        <translation>ملاحظة على هذا التظليل؛ تُحفظ أثناء الكتابة.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/annotations_panel.py" line="79"/>
        <source>Select text in the article and press H to highlight it.</source>
        <translation>حدّد نصًا في المقال واضغط H لتظليله.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/annotations_panel.py" line="93"/>
        <source>Highlights</source>
        <translation>التظليلات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/annotations_panel.py" line="95"/>
        <source>Article notes</source>
        <translation>ملاحظات المقال</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/annotations_panel.py" line="148"/>
        <source>Orphaned (the text changed): %1</source>
        <translation>منفصل (تغيّر النص): %1</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="179"/>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="206"/>
        <source>Back up the library</source>
        <translation>نسخ المكتبة احتياطيًا</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="182"/>
        <source>The library&apos;s database, checked, goes into one .zip archive with a manifest of every file&apos;s checksum. The search index is not included: it is rebuilt after a restore.</source>
        <translation>تُوضع قاعدة بيانات المكتبة، بعد فحصها، في أرشيف ‎.zip‎ واحد مع بيان بالمجموع الاختباري لكل ملف. لا يُضمَّن فهرس البحث: يُعاد بناؤه بعد الاستعادة.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="187"/>
        <source>&amp;Archive:</source>
        <translation>&amp;الأرشيف:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="188"/>
        <source>Archive file</source>
        <translation>ملف الأرشيف</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="193"/>
        <source>Include the &amp;original files (%1 MB)</source>
        <translation>تضمين الملفات الأ&amp;صلية (%1 ميغابايت)</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="198"/>
        <source>&amp;Back up</source>
        <translation>&amp;نسخ احتياطي</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="206"/>
        <source>Zip archives (*.zip)</source>
        <translation>أرشيفات ‎zip‎ (‎*.zip‎)</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="215"/>
        <source>Choose where to write the archive.</source>
        <translation>اختر أين يُكتب الأرشيف.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="222"/>
        <source>Writing %1…</source>
        <translation>جارٍ كتابة %1…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="238"/>
        <source>The library was backed up to %1 (%2 articles, %3 original files).</source>
        <translation>نُسخت المكتبة احتياطيًا إلى %1 (المقالات: %2، الملفات الأصلية: %3).</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="243"/>
        <source>The library was backed up.</source>
        <translation>نُسخت المكتبة احتياطيًا.</translation>
    </message>
</context>
<context>
    <name>BackupDialogs</name>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="65"/>
        <source>C&amp;hoose…</source>
        <translation>ا&amp;ختيار…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="76"/>
        <source>Progress</source>
        <translation>التقدّم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="90"/>
        <source>&amp;Cancel</source>
        <translation>إ&amp;لغاء</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="94"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="112"/>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="148"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>أُلغي: لم يتغيّر شيء.</translation>
    </message>
</context>
<context>
    <name>BriefingEdits</name>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="69"/>
        <source>Untitled briefing</source>
        <translation>موجز بلا عنوان</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="98"/>
        <source>New section</source>
        <translation>قسم جديد</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="99"/>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="201"/>
        <source>Heading of the section:</source>
        <translation>عنوان القسم:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="140"/>
        <source>Add to the briefing</source>
        <translation>إضافة إلى الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="164"/>
        <source>New paragraph</source>
        <translation>فقرة جديدة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="165"/>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="218"/>
        <source>Text of the paragraph:</source>
        <translation>نص الفقرة:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="171"/>
        <source>The paragraph is empty; nothing was added.</source>
        <translation>الفقرة فارغة؛ لم يُضف شيء.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="200"/>
        <source>Rename the section</source>
        <translation>إعادة تسمية القسم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="209"/>
        <source>Quoted highlights and notes are edited where they live: in the reader or the notes.</source>
        <translation>تُحرَّر التظليلات والملاحظات المقتبسة في مكانها: في القارئ أو في الملاحظات.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="217"/>
        <source>Edit the paragraph</source>
        <translation>تحرير الفقرة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="249"/>
        <source>Delete the section</source>
        <translation>حذف القسم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="333"/>
        <source>Add a section…</source>
        <translation>إضافة قسم…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="336"/>
        <source>Add a paragraph…</source>
        <translation>إضافة فقرة…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="340"/>
        <source>Edit…</source>
        <translation>تحرير…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="342"/>
        <source>Move up</source>
        <translation>نقل إلى أعلى</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="346"/>
        <source>Move down</source>
        <translation>نقل إلى أسفل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_editor.py" line="350"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
</context>
<context>
    <name>BriefingForm</name>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_form.py" line="37"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_form.py" line="37"/>
        <source>The briefing&apos;s title</source>
        <translation>عنوان الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_form.py" line="38"/>
        <source>Subtitle</source>
        <translation>العنوان الفرعي</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_form.py" line="39"/>
        <source>Author</source>
        <translation>المُعِدّ</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_form.py" line="40"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_form.py" line="40"/>
        <source>For example 2024-05-01</source>
        <translation>مثلًا 2024-05-01</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_form.py" line="41"/>
        <source>Handling marking</source>
        <translation>درجة التداول</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_form.py" line="41"/>
        <source>For example: For internal use only</source>
        <translation>مثلًا: للاستخدام الداخلي فقط</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_form.py" line="55"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_form.py" line="56"/>
        <source>Include a table of contents</source>
        <translation>تضمين جدول المحتويات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_form.py" line="64"/>
        <source>The executive summary: the key judgements in a few lines.</source>
        <translation>الملخص التنفيذي: أهم الأحكام في بضعة أسطر.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_form.py" line="67"/>
        <source>Executive summary</source>
        <translation>الملخص التنفيذي</translation>
    </message>
</context>
<context>
    <name>BriefingModel</name>
    <message>
        <location filename="../desktop_app/ui/models/briefing_model.py" line="162"/>
        <source>(a section without a heading)</source>
        <translation>(قسم بلا عنوان)</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/models/briefing_model.py" line="190"/>
        <source>The original was deleted; the briefing keeps the text it quoted.</source>
        <translation>حُذف الأصل؛ يحتفظ الموجز بالنص الذي اقتبسه.</translation>
    </message>
</context>
<context>
    <name>BriefingPanel</name>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="142"/>
        <source>New…</source>
        <translation>جديد…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="143"/>
        <source>Start a new briefing</source>
        <translation>بدء موجز جديد</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="148"/>
        <source>Rename…</source>
        <translation>إعادة تسمية…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="149"/>
        <source>Rename this briefing</source>
        <translation>إعادة تسمية هذا الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="154"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="155"/>
        <source>Delete this briefing</source>
        <translation>حذف هذا الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="179"/>
        <source>Section…</source>
        <translation>قسم…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="179"/>
        <source>Add a section</source>
        <translation>إضافة قسم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="183"/>
        <source>Paragraph…</source>
        <translation>فقرة…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="184"/>
        <source>Add a paragraph of your own</source>
        <translation>إضافة فقرة من إنشائك</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="189"/>
        <source>Edit…</source>
        <translation>تحرير…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="190"/>
        <source>Edit the selected paragraph or heading</source>
        <translation>تحرير الفقرة أو العنوان المحدد</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="195"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="196"/>
        <source>Remove the selected entry from the briefing</source>
        <translation>إزالة البند المحدد من الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="201"/>
        <source>Up</source>
        <translation>أعلى</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="202"/>
        <source>Move the selected entry up</source>
        <translation>نقل البند المحدد إلى أعلى</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="207"/>
        <source>Down</source>
        <translation>أسفل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="208"/>
        <source>Move the selected entry down</source>
        <translation>نقل البند المحدد إلى أسفل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="215"/>
        <source>Go to the source</source>
        <translation>الانتقال إلى المصدر</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="216"/>
        <source>Open the article of the selected entry at its highlight</source>
        <translation>فتح مقال البند المحدد عند تظليله</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="228"/>
        <source>Contents</source>
        <translation>المحتوى</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="237"/>
        <source>Details</source>
        <translation>البيانات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="242"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="247"/>
        <source>%1 (%2)…</source>
        <translation>%1 (%2)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="275"/>
        <source>%n entry(ies) added to the briefing.</source>
        <translation>
            <numerusform>لم يُضف أي بند إلى الموجز.</numerusform>
            <numerusform>أُضيف بند واحد إلى الموجز.</numerusform>
            <numerusform>أُضيف بندان إلى الموجز.</numerusform>
            <numerusform>أُضيفت %Ln بنود إلى الموجز.</numerusform>
            <numerusform>أُضيف %Ln بندًا إلى الموجز.</numerusform>
            <numerusform>أُضيف %Ln بند إلى الموجز.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="276"/>
        <source>Delete the section “%1” and its %n entry(ies)?</source>
        <translation>
            <numerusform>هل تحذف القسم «%1»؟</numerusform>
            <numerusform>هل تحذف القسم «%1» وبنده الوحيد؟</numerusform>
            <numerusform>هل تحذف القسم «%1» وبنديه؟</numerusform>
            <numerusform>هل تحذف القسم «%1» وبنوده الـ%Ln؟</numerusform>
            <numerusform>هل تحذف القسم «%1» وبنوده الـ%Ln؟</numerusform>
            <numerusform>هل تحذف القسم «%1» وبنوده الـ%Ln؟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="359"/>
        <source>New briefing</source>
        <translation>موجز جديد</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="359"/>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="377"/>
        <source>Title of the briefing:</source>
        <translation>عنوان الموجز:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="367"/>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="429"/>
        <source>The briefing “%1” was created.</source>
        <translation>أُنشئ الموجز «%1».</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="376"/>
        <source>Rename the briefing</source>
        <translation>إعادة تسمية الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="389"/>
        <source>Delete the briefing</source>
        <translation>حذف الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="391"/>
        <source>Delete the briefing “%1”? Its highlights and notes stay in the library.</source>
        <translation>هل تحذف الموجز «%1»؟ تبقى تظليلاته وملاحظاته في المكتبة.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_exporter.py" line="96"/>
        <source>Create a briefing first.</source>
        <translation>أنشئ موجزًا أولًا.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_exporter.py" line="104"/>
        <source>Export the briefing</source>
        <translation>تصدير الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_exporter.py" line="115"/>
        <source>Exporting to %1…</source>
        <translation>جارٍ التصدير إلى %1…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_exporter.py" line="138"/>
        <source>The briefing was exported to %1.</source>
        <translation>صُدِّر الموجز إلى %1.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_exporter.py" line="148"/>
        <source>The export failed: %1</source>
        <translation>تعذّر التصدير: %1</translation>
    </message>
</context>
<context>
    <name>BriefingUndo</name>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_undo.py" line="118"/>
        <source>Add to the briefing</source>
        <translation>إضافة إلى الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_undo.py" line="140"/>
        <source>Remove from the briefing</source>
        <translation>إزالة من الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_undo.py" line="169"/>
        <source>Move in the briefing</source>
        <translation>نقل داخل الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_undo.py" line="200"/>
        <source>Edit the paragraph</source>
        <translation>تحرير الفقرة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_undo.py" line="216"/>
        <source>Rename the section</source>
        <translation>إعادة تسمية القسم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_undo.py" line="231"/>
        <source>Add a section</source>
        <translation>إضافة قسم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_undo.py" line="251"/>
        <source>Delete the section</source>
        <translation>حذف القسم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/briefing_undo.py" line="277"/>
        <source>Edit the briefing&apos;s details</source>
        <translation>تحرير بيانات الموجز</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../desktop_app/ui/errors.py" line="49"/>
        <source>Something went wrong</source>
        <translation>حدث خطأ</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/errors.py" line="52"/>
        <source>Hamish met an unexpected error: %1

What was saved is safe; the details were written to the log.</source>
        <translation>واجه هامش خطأً غير متوقع: %1

ما حُفظ في أمان؛ وكُتبت التفاصيل في السجل.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/errors.py" line="63"/>
        <source>Copy details</source>
        <translation>نسخ التفاصيل</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../desktop_app/ui/errors.py" line="149"/>
        <location filename="../desktop_app/ui/errors.py" line="165"/>
        <source>Hamish</source>
        <translation>هامش</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/errors.py" line="151"/>
        <source>This change was not saved. What was saved before is safe.</source>
        <translation>لم يُحفظ هذا التغيير. ما حُفظ من قبل في أمان.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/errors.py" line="166"/>
        <source>The library cannot be opened.</source>
        <translation>تعذّر فتح المكتبة.</translation>
    </message>
</context>
<context>
    <name>Exporters</name>
    <message>
        <location filename="../desktop_app/exporters.py" line="44"/>
        <source>Word document</source>
        <translation>مستند Word</translation>
    </message>
    <message>
        <location filename="../desktop_app/exporters.py" line="52"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../desktop_app/exporters.py" line="59"/>
        <source>Web page for e-mail</source>
        <translation>صفحة ويب للبريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../desktop_app/exporters.py" line="66"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
</context>
<context>
    <name>FeedsFlow</name>
    <message>
        <location filename="../desktop_app/ui/feeds_flow.py" line="111"/>
        <source>The feeds are already being refreshed.</source>
        <translation>الخلاصات قيد التحديث بالفعل.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/feeds_flow.py" line="119"/>
        <source>Refreshing the feeds…</source>
        <translation>جارٍ تحديث الخلاصات…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/feeds_flow.py" line="137"/>
        <source>Cancelling the refresh of the feeds…</source>
        <translation>جارٍ إلغاء تحديث الخلاصات…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/feeds_flow.py" line="158"/>
        <source>No network: the feeds were not refreshed.</source>
        <translation>لا شبكة: لم تُحدَّث الخلاصات.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/feeds_flow.py" line="176"/>
        <source>The refresh of the feeds failed: %1</source>
        <translation>تعذّر تحديث الخلاصات: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/feeds_flow.py" line="187"/>
        <source>Refresh cancelled: %n new article(s).</source>
        <translation>
            <numerusform>أُلغي التحديث: لا مقالات جديدة.</numerusform>
            <numerusform>أُلغي التحديث: مقال جديد واحد.</numerusform>
            <numerusform>أُلغي التحديث: مقالان جديدان.</numerusform>
            <numerusform>أُلغي التحديث: %Ln مقالات جديدة.</numerusform>
            <numerusform>أُلغي التحديث: %Ln مقالًا جديدًا.</numerusform>
            <numerusform>أُلغي التحديث: %Ln مقال جديد.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/feeds_flow.py" line="189"/>
        <source>%n new article(s), %1 failed.</source>
        <translation>
            <numerusform>لا مقالات جديدة، وتعذّر جلب %1.</numerusform>
            <numerusform>مقال جديد واحد، وتعذّر جلب %1.</numerusform>
            <numerusform>مقالان جديدان، وتعذّر جلب %1.</numerusform>
            <numerusform>%Ln مقالات جديدة، وتعذّر جلب %1.</numerusform>
            <numerusform>%Ln مقالًا جديدًا، وتعذّر جلب %1.</numerusform>
            <numerusform>%Ln مقال جديد، وتعذّر جلب %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/feeds_flow.py" line="192"/>
        <source>%n new article(s).</source>
        <translation>
            <numerusform>لا مقالات جديدة.</numerusform>
            <numerusform>مقال جديد واحد.</numerusform>
            <numerusform>مقالان جديدان.</numerusform>
            <numerusform>%Ln مقالات جديدة.</numerusform>
            <numerusform>%Ln مقالًا جديدًا.</numerusform>
            <numerusform>%Ln مقال جديد.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/feeds_flow.py" line="203"/>
        <source>Feeds refreshed</source>
        <translation>حُدِّثت الخلاصات</translation>
    </message>
</context>
<context>
    <name>FeedsPanel</name>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="76"/>
        <source>Add…</source>
        <translation>إضافة…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="77"/>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="79"/>
        <source>Refresh the selected feeds (every feed when none is selected)</source>
        <translation>تحديث الخلاصات المحددة (أو كلها إن لم تُحدَّد أي خلاصة)</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="82"/>
        <source>Refresh all</source>
        <translation>تحديث الكل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="84"/>
        <source>Rename…</source>
        <translation>إعادة تسمية…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="86"/>
        <source>Remove…</source>
        <translation>إزالة…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="89"/>
        <source>Show its articles</source>
        <translation>عرض مقالاتها</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="95"/>
        <source>Report of the last refresh</source>
        <translation>تقرير آخر تحديث</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="101"/>
        <source>Refresh every %n minute(s)</source>
        <translation>
            <numerusform>التحديث كل %Ln دقيقة</numerusform>
            <numerusform>التحديث كل دقيقة</numerusform>
            <numerusform>التحديث كل دقيقتين</numerusform>
            <numerusform>التحديث كل %Ln دقائق</numerusform>
            <numerusform>التحديث كل %Ln دقيقة</numerusform>
            <numerusform>التحديث كل %Ln دقيقة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="120"/>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="121"/>
        <source>More</source>
        <translation>المزيد</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="131"/>
        <source>Feeds</source>
        <translation>الخلاصات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="143"/>
        <source>No feeds yet. Add an outlet&apos;s RSS or Atom address with Add….</source>
        <translation>لا خلاصات بعد. أضف عنوان خلاصة ‎RSS‎ أو ‎Atom‎ لأحد المصادر بزر «إضافة…».</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="176"/>
        <source>%1 (%n)</source>
        <translation>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="181"/>
        <source>%n unread article(s)</source>
        <translation>
            <numerusform>لا مقالات غير مقروءة</numerusform>
            <numerusform>مقال واحد غير مقروء</numerusform>
            <numerusform>مقالان غير مقروءين</numerusform>
            <numerusform>%Ln مقالات غير مقروءة</numerusform>
            <numerusform>%Ln مقالًا غير مقروء</numerusform>
            <numerusform>%Ln مقال غير مقروء</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="185"/>
        <source>The last refresh failed: %1</source>
        <translation>تعذّر آخر تحديث: %1</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="287"/>
        <source>The feed “%1” was added; Refresh fetches its articles.</source>
        <translation>أُضيفت الخلاصة «%1»؛ يجلب «تحديث» مقالاتها.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="298"/>
        <source>The feed could not be added: %1</source>
        <translation>تعذّرت إضافة الخلاصة: %1</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="308"/>
        <source>Rename the feed</source>
        <translation>إعادة تسمية الخلاصة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="309"/>
        <source>Name of the feed (empty: its own title):</source>
        <translation>اسم الخلاصة (فارغًا: عنوانها الأصلي):</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="327"/>
        <source>Remove the feed “%1”? Its articles stay in the library.</source>
        <translation>إزالة الخلاصة «%1»؟ تبقى مقالاتها في المكتبة.</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="332"/>
        <source>Remove %n feed(s)? Their articles stay in the library.</source>
        <translation>
            <numerusform>إزالة %Ln خلاصة؟ تبقى مقالاتها في المكتبة.</numerusform>
            <numerusform>إزالة خلاصة واحدة؟ تبقى مقالاتها في المكتبة.</numerusform>
            <numerusform>إزالة خلاصتين؟ تبقى مقالاتهما في المكتبة.</numerusform>
            <numerusform>إزالة %Ln خلاصات؟ تبقى مقالاتها في المكتبة.</numerusform>
            <numerusform>إزالة %Ln خلاصة؟ تبقى مقالاتها في المكتبة.</numerusform>
            <numerusform>إزالة %Ln خلاصة؟ تبقى مقالاتها في المكتبة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="336"/>
        <source>Remove feeds</source>
        <translation>إزالة الخلاصات</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../desktop_app/ui/reader/find_bar.py" line="36"/>
        <source>Find in the article (ignores harakat and hamza)</source>
        <translation>ابحث في المقال (دون اعتبار للحركات والهمزات)</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/reader/find_bar.py" line="40"/>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/reader/find_bar.py" line="42"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/reader/find_bar.py" line="44"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/reader/find_bar.py" line="134"/>
        <source>No matches</source>
        <translation>لا نتائج</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/reader/find_bar.py" line="137"/>
        <source>%1 of %n match(es)</source>
        <translation>
            <numerusform>%1 من %Ln</numerusform>
            <numerusform>%1 من نتيجة واحدة</numerusform>
            <numerusform>%1 من نتيجتين</numerusform>
            <numerusform>%1 من %Ln نتائج</numerusform>
            <numerusform>%1 من %Ln نتيجة</numerusform>
            <numerusform>%1 من %Ln نتيجة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../desktop_app/ui/import_flow.py" line="43"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/import_flow.py" line="88"/>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/import_flow.py" line="25"/>
        <source>Documents (%1)</source>
        <translation>المستندات (%1)</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/import_flow.py" line="29"/>
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/import_flow.py" line="78"/>
        <source>%v of %m</source>
        <translation>%v من %m</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/import_flow.py" line="98"/>
        <source>Import a folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/import_flow.py" line="108"/>
        <source>An import is already running.</source>
        <translation>هناك عملية استيراد جارية بالفعل.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/import_flow.py" line="112"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/import_flow.py" line="129"/>
        <source>Cancelling the import…</source>
        <translation>جارٍ إلغاء الاستيراد…</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/import_flow.py" line="144"/>
        <source>%n article(s) imported.</source>
        <translation>
            <numerusform>لم يُستورد أي مقال.</numerusform>
            <numerusform>استُورد مقال واحد.</numerusform>
            <numerusform>استُورد مقالان.</numerusform>
            <numerusform>استُوردت %Ln مقالات.</numerusform>
            <numerusform>استُورد %Ln مقالًا.</numerusform>
            <numerusform>استُورد %Ln مقال.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/import_flow.py" line="152"/>
        <source>The import failed: %1</source>
        <translation>فشل الاستيراد: %1</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../desktop_app/ui/dialogs/import_report.py" line="29"/>
        <source>Import finished</source>
        <translation>اكتمل الاستيراد</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/dialogs/import_report.py" line="34"/>
        <source>%n article(s) imported.</source>
        <translation>
            <numerusform>لم يُستورد أي مقال.</numerusform>
            <numerusform>استُورد مقال واحد.</numerusform>
            <numerusform>استُورد مقالان.</numerusform>
            <numerusform>استُوردت %Ln مقالات.</numerusform>
            <numerusform>استُورد %Ln مقالًا.</numerusform>
            <numerusform>استُورد %Ln مقال.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/dialogs/import_report.py" line="36"/>
        <source>%n file(s) were already in the library.</source>
        <translation>
            <numerusform>لا ملفات سبق استيرادها.</numerusform>
            <numerusform>سبق استيراد ملف واحد إلى المكتبة.</numerusform>
            <numerusform>سبق استيراد ملفين إلى المكتبة.</numerusform>
            <numerusform>سبق استيراد %Ln ملفات إلى المكتبة.</numerusform>
            <numerusform>سبق استيراد %Ln ملفًا إلى المكتبة.</numerusform>
            <numerusform>سبق استيراد %Ln ملف إلى المكتبة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/dialogs/import_report.py" line="38"/>
        <source>%n file(s) could not be imported:</source>
        <translation>
            <numerusform>لا ملفات تعذّر استيرادها:</numerusform>
            <numerusform>تعذّر استيراد ملف واحد:</numerusform>
            <numerusform>تعذّر استيراد ملفين:</numerusform>
            <numerusform>تعذّر استيراد %Ln ملفات:</numerusform>
            <numerusform>تعذّر استيراد %Ln ملفًا:</numerusform>
            <numerusform>تعذّر استيراد %Ln ملف:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/import_report.py" line="41"/>
        <source>The import was cancelled; the files not reached were left alone.</source>
        <translation>أُلغي الاستيراد؛ ولم تُمسّ الملفات التي لم يصل إليها.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/import_report.py" line="48"/>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/import_report.py" line="48"/>
        <source>Reason or remark</source>
        <translation>السبب أو الملاحظة</translation>
    </message>
</context>
<context>
    <name>Importers</name>
    <message>
        <location filename="../desktop_app/core/importers/__init__.py" line="42"/>
        <source>Plain text</source>
        <translation>نص عادي</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/importers/__init__.py" line="48"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/importers/__init__.py" line="54"/>
        <source>Web pages</source>
        <translation>صفحات الويب</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/importers/__init__.py" line="60"/>
        <source>Word documents</source>
        <translation>مستندات Word</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/importers/__init__.py" line="66"/>
        <source>PDF documents</source>
        <translation>مستندات PDF</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/importers/__init__.py" line="72"/>
        <source>EPUB books</source>
        <translation>كتب EPUB</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="24"/>
        <source>Key claim</source>
        <translation>ادعاء رئيسي</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="25"/>
        <source>Quote</source>
        <translation>اقتباس</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="26"/>
        <source>Figure</source>
        <translation>رقم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="27"/>
        <source>Question</source>
        <translation>سؤال</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="28"/>
        <source>Contradiction</source>
        <translation>تناقض</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="29"/>
        <source>Follow-up</source>
        <translation>متابعة</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <location filename="../desktop_app/ui/dialogs/labels_dialog.py" line="18"/>
        <source>Highlight labels</source>
        <translation>تصنيفات التظليل</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="34"/>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="35"/>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="36"/>
        <source>Persian</source>
        <translation>الفارسية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="37"/>
        <source>Urdu</source>
        <translation>الأردية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="38"/>
        <source>Pashto</source>
        <translation>البشتوية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="39"/>
        <source>Kurdish</source>
        <translation>الكردية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="40"/>
        <source>Central Kurdish</source>
        <translation>الكردية السورانية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="41"/>
        <source>French</source>
        <translation>الفرنسية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="42"/>
        <source>German</source>
        <translation>الألمانية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="43"/>
        <source>Spanish</source>
        <translation>الإسبانية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="44"/>
        <source>Italian</source>
        <translation>الإيطالية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="45"/>
        <source>Turkish</source>
        <translation>التركية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="46"/>
        <source>Russian</source>
        <translation>الروسية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="47"/>
        <source>Hebrew</source>
        <translation>العبرية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="48"/>
        <source>Greek</source>
        <translation>اليونانية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="49"/>
        <source>Chinese</source>
        <translation>الصينية</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../desktop_app/ui/models/library_model.py" line="146"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/models/library_model.py" line="146"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/models/library_model.py" line="146"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/models/library_model.py" line="146"/>
        <source>Highlights</source>
        <translation>التظليلات</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/models/library_model.py" line="183"/>
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>لا تظليلات</numerusform>
            <numerusform>تظليل واحد</numerusform>
            <numerusform>تظليلان</numerusform>
            <numerusform>%Ln تظليلات</numerusform>
            <numerusform>%Ln تظليلًا</numerusform>
            <numerusform>%Ln تظليل</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="93"/>
        <source>This library is in the folder:</source>
        <translation>هذه المكتبة في المجلد:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="98"/>
        <source>Library folder</source>
        <translation>مجلد المكتبة</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="101"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>لا مقالات</numerusform>
            <numerusform>مقال واحد</numerusform>
            <numerusform>مقالان</numerusform>
            <numerusform>%Ln مقالات</numerusform>
            <numerusform>%Ln مقالًا</numerusform>
            <numerusform>%Ln مقال</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="110"/>
        <source>&amp;Open another library…</source>
        <translation>&amp;فتح مكتبة أخرى…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="111"/>
        <source>Switch to a folder that holds a Hamish library</source>
        <translation>الانتقال إلى مجلد فيه مكتبة هامش</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="116"/>
        <source>&amp;New library…</source>
        <translation>مكتبة &amp;جديدة…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="117"/>
        <source>Start an empty library in an empty folder</source>
        <translation>إنشاء مكتبة فارغة في مجلد فارغ</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="122"/>
        <source>&amp;Move this library…</source>
        <translation>&amp;نقل هذه المكتبة…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="123"/>
        <source>Copy to an empty folder, check the copy, then use it</source>
        <translation>النسخ إلى مجلد فارغ، ثم التحقق من النسخة، ثم استعمالها</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="128"/>
        <source>Use the &amp;default library</source>
        <translation>استعمال المكتبة الا&amp;فتراضية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="129"/>
        <source>Switch to the library in the user data folder</source>
        <translation>الانتقال إلى المكتبة في مجلد بيانات المستخدم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="144"/>
        <source>Progress of the move</source>
        <translation>تقدّم النقل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="146"/>
        <source>&amp;Cancel the move</source>
        <translation>إ&amp;لغاء النقل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="160"/>
        <source>A move copies the library, checks the copy (database, counts and every file), switches to it, and only then removes the old folder. The library chosen here opens the next time Hamish starts, unless --library names another one.</source>
        <translation>النقل ينسخ المكتبة، ويتحقق من النسخة (قاعدة البيانات والأعداد وكل ملف)، وينتقل إليها، ولا يحذف المجلد القديم إلا بعد ذلك. المكتبة المختارة هنا هي التي تُفتح عند تشغيل هامش في المرة القادمة، ما لم يُسمِّ الخيار ‎--library‎ مكتبة أخرى.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="165"/>
        <source>Now $%1 is set, and it names the library that opens.</source>
        <translation>المتغير ‎$%1‎ مضبوط الآن، وهو الذي يحدد المكتبة التي تُفتح.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="177"/>
        <source>Open another library</source>
        <translation>فتح مكتبة أخرى</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="189"/>
        <source>Folder of the new library</source>
        <translation>مجلد المكتبة الجديدة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="205"/>
        <source>Move the library to an empty folder</source>
        <translation>نقل المكتبة إلى مجلد فارغ</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="216"/>
        <source>Copying the library to %1…</source>
        <translation>جارٍ نسخ المكتبة إلى %1…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="238"/>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="257"/>
        <source>The library was not moved: %1. The library at %2 is still the one in use.</source>
        <translation>لم تُنقل المكتبة: %1. ما زالت المكتبة الموجودة في %2 هي المستعملة.</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="72"/>
        <source>Filter by title, source or author</source>
        <translation>تصفية حسب العنوان أو المصدر أو الكاتب</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="77"/>
        <source>Newest first</source>
        <translation>الأحدث أولًا</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="78"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="79"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="80"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="81"/>
        <source>Most highlighted</source>
        <translation>الأكثر تظليلًا</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="88"/>
        <source>Library</source>
        <translation>المكتبة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="88"/>
        <source>Trash</source>
        <translation>المهملات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="99"/>
        <source>Show all</source>
        <translation>عرض الكل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="131"/>
        <source>Restore the selected article</source>
        <translation>استعادة المقال المحدد</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="140"/>
        <source>The library is empty. Import files or folders, or drop them on the window.</source>
        <translation>المكتبة فارغة. استورد ملفات أو مجلدات، أو أفلتها على النافذة.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="145"/>
        <source>Import…</source>
        <translation>استيراد…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="148"/>
        <source>Add the demo articles</source>
        <translation>إضافة المقالات التجريبية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="188"/>
        <source>Articles of “%1”</source>
        <translation>مقالات «%1»</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="217"/>
        <source>All tags</source>
        <translation>كل الوسوم</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/library_panel.py" line="219"/>
        <source>%1 (%n)</source>
        <translation>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/library_panel.py" line="234"/>
        <source>%n article(s) in the trash</source>
        <translation>
            <numerusform>لا مقالات في المهملات</numerusform>
            <numerusform>مقال واحد في المهملات</numerusform>
            <numerusform>مقالان في المهملات</numerusform>
            <numerusform>%Ln مقالات في المهملات</numerusform>
            <numerusform>%Ln مقالًا في المهملات</numerusform>
            <numerusform>%Ln مقال في المهملات</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/library_panel.py" line="236"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>لا مقالات</numerusform>
            <numerusform>مقال واحد</numerusform>
            <numerusform>مقالان</numerusform>
            <numerusform>%Ln مقالات</numerusform>
            <numerusform>%Ln مقالًا</numerusform>
            <numerusform>%Ln مقال</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="268"/>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="272"/>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="274"/>
        <source>Edit tags…</source>
        <translation>تعديل الوسوم…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/library_panel.py" line="276"/>
        <source>Move to the trash</source>
        <translation>نقل إلى المهملات</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="91"/>
        <location filename="../desktop_app/ui/main_window.py" line="379"/>
        <source>Hamish</source>
        <translation>هامش</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="170"/>
        <source>Library</source>
        <translation>المكتبة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="171"/>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="173"/>
        <source>Annotations</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="174"/>
        <source>Free notes</source>
        <translation>ملاحظات حرة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="175"/>
        <source>Briefing</source>
        <translation>الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="164"/>
        <source>Search is not available: %1</source>
        <translation>البحث غير متاح: %1</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="172"/>
        <source>Feeds</source>
        <translation>الخلاصات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="320"/>
        <source>Add to Briefing</source>
        <translation>إضافة إلى الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="342"/>
        <source>%1 — Hamish</source>
        <translation>%1 — هامش</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/main_window.py" line="344"/>
        <source>%n highlight(s) in this article.</source>
        <translation>
            <numerusform>لا تظليلات في هذا المقال.</numerusform>
            <numerusform>تظليل واحد في هذا المقال.</numerusform>
            <numerusform>تظليلان في هذا المقال.</numerusform>
            <numerusform>%Ln تظليلات في هذا المقال.</numerusform>
            <numerusform>%Ln تظليلًا في هذا المقال.</numerusform>
            <numerusform>%Ln تظليل في هذا المقال.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="437"/>
        <source>Select some text of the article first.</source>
        <translation>حدّد جزءًا من نص المقال أولًا.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="464"/>
        <source>Select some text or a highlight first.</source>
        <translation>حدّد نصًا أو تظليلًا أولًا.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="472"/>
        <source>New briefing from the search</source>
        <translation>موجز جديد من البحث</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="473"/>
        <source>Title of the briefing:</source>
        <translation>عنوان الموجز:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="530"/>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="531"/>
        <source>Tags of “%1”, separated by commas:</source>
        <translation>وسوم «%1»، مفصولة بفواصل:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="571"/>
        <source>About Hamish</source>
        <translation>عن هامش</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/main_window.py" line="572"/>
        <source>Hamish (هامش) is a reading and notes application for analysts.</source>
        <translation>هامش تطبيق للقراءة وتدوين الملاحظات للمحللين.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="86"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="89"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="142"/>
        <source>Highlight as “%1”</source>
        <translation>تظليل بتصنيف «%1»</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="145"/>
        <source>Highlight as “%1” (key %2)</source>
        <translation>تظليل بتصنيف «%1» (المفتاح %2)</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="161"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="176"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="192"/>
        <source>&amp;Highlight</source>
        <translation>&amp;تظليل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="197"/>
        <source>&amp;Article</source>
        <translation>&amp;مقال</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="201"/>
        <source>&amp;Briefing</source>
        <translation>ال&amp;موجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="202"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="204"/>
        <source>Reading theme</source>
        <translation>سمة القراءة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="206"/>
        <source>Panels</source>
        <translation>اللوحات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="207"/>
        <source>&amp;Go</source>
        <translation>ا&amp;نتقال</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="208"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="240"/>
        <source>Export the briefing</source>
        <translation>تصدير الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/menus.py" line="247"/>
        <source>Main toolbar</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../desktop_app/core/messages.py" line="24"/>
        <source>no such file</source>
        <translation>الملف غير موجود</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="25"/>
        <source>is a folder</source>
        <translation>هذا مجلد وليس ملفًا</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="26"/>
        <source>empty file</source>
        <translation>الملف فارغ</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="27"/>
        <source>no text found in the file</source>
        <translation>لا نص في الملف</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="28"/>
        <source>unsupported file type {ext}</source>
        <translation>نوع ملف غير مدعوم {ext}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="29"/>
        <source>file too large: {size_mb} MB (the limit is {limit_mb} MB)</source>
        <translation>الملف كبير جدًا: {size_mb} ميغابايت (الحد {limit_mb} ميغابايت)</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="32"/>
        <source>a part of the file unpacks to over {limit_mb} MB: refused (a zip bomb?)</source>
        <translation>جزء من الملف يتجاوز {limit_mb} ميغابايت بعد فكّ ضغطه: رُفض (قنبلة ضغط؟)</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="35"/>
        <source>the text is over {limit_mb} MB: too long for one article</source>
        <translation>النص أكبر من {limit_mb} ميغابايت: أطول من أن يكون مقالًا واحدًا</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="38"/>
        <source>took too long: reading stopped after {seconds} s</source>
        <translation>استغرق وقتًا طويلًا: توقفت القراءة بعد {seconds} ثانية</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="41"/>
        <source>could not be read: the parser ran out of memory</source>
        <translation>تعذّرت القراءة: نفدت ذاكرة المحلّل</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="44"/>
        <source>could not be read: the parser stopped ({reason})</source>
        <translation>تعذّرت القراءة: توقف المحلّل ({reason})</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="47"/>
        <source>cannot read the file: {reason}</source>
        <translation>تعذّرت قراءة الملف: {reason}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="48"/>
        <source>cannot read this file ({reason})</source>
        <translation>تعذّرت قراءة هذا الملف ({reason})</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="49"/>
        <source>undecodable bytes after a {encoding} byte-order mark (at byte {offset})</source>
        <translation>بايتات لا يمكن فك ترميزها بعد علامة ترتيب البايتات {encoding} (عند البايت {offset})</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="52"/>
        <source>undecodable bytes: control characters, not a text file</source>
        <translation>بايتات لا يمكن فك ترميزها: محارف تحكم، ليس ملفًا نصيًا</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="55"/>
        <source>undecodable bytes: not UTF-8, UTF-16, Windows-1256, ISO-8859-6 or another known encoding</source>
        <translation>بايتات لا يمكن فك ترميزها: ليست UTF-8 ولا UTF-16 ولا Windows-1256 ولا ISO-8859-6 ولا ترميزًا معروفًا آخر</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="59"/>
        <source>cannot read this HTML page ({reason})</source>
        <translation>تعذّرت قراءة صفحة HTML هذه ({reason})</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="62"/>
        <source>corrupt or truncated .docx file</source>
        <translation>ملف ‎.docx‎ تالف أو مبتور</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="63"/>
        <source>corrupt or truncated EPUB file</source>
        <translation>ملف EPUB تالف أو مبتور</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="64"/>
        <source>this EPUB is protected (DRM) and cannot be read</source>
        <translation>ملف EPUB هذا محمي (DRM) ولا يمكن قراءته</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="67"/>
        <source>corrupt or truncated PDF file</source>
        <translation>ملف PDF تالف أو مبتور</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="68"/>
        <source>this PDF has no text layer (a scanned PDF?): run OCR on it first</source>
        <translation>ملف PDF هذا بلا طبقة نصية (ممسوح ضوئيًا؟): شغّل عليه التعرف الضوئي على الحروف أولًا</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="71"/>
        <source>the text layer cannot be read: run OCR on it first</source>
        <translation>لا يمكن قراءة طبقة النص: شغّل التعرّف الضوئي على الحروف (OCR) عليه أولًا</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="75"/>
        <source>not a web address: {url}</source>
        <translation>ليس عنوان ويب: {url}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="76"/>
        <source>no answer from {host} within {seconds} s</source>
        <translation>لم يُجب ‎{host}‎ خلال {seconds} ثانية</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="77"/>
        <source>not found on {host} ({status})</source>
        <translation>غير موجود على ‎{host}‎ ‏({status})</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="78"/>
        <source>{host} refused access ({status})</source>
        <translation>رفض ‎{host}‎ الوصول ‏({status})</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="79"/>
        <source>{host} answered {status}</source>
        <translation>أجاب ‎{host}‎ بالرمز {status}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="80"/>
        <source>too large: {size_mb} MB (the limit is {limit_mb} MB)</source>
        <translation>أكبر من اللازم: {size_mb} م.ب (الحد {limit_mb} م.ب)</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="83"/>
        <source>too large: over {limit_mb} MB, the download was stopped</source>
        <translation>أكبر من اللازم: تجاوز {limit_mb} م.ب، فأوقف التنزيل</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="86"/>
        <source>{host} redirected to a {scheme} address: refused (only http and https)</source>
        <translation>أعاد ‎{host}‎ التوجيه إلى عنوان ‎{scheme}‎: رُفض (لا يُتبع إلا ‎http‎ و‎https‎)</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="89"/>
        <source>more than {count} redirects</source>
        <translation>أكثر من {count} إعادات توجيه</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="90"/>
        <source>not a web page or a PDF: the server sent {type}</source>
        <translation>ليست صفحة ويب ولا ملف ‎PDF‎: أرسل الخادم ‎{type}‎</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="93"/>
        <source>cannot reach {host}: no network, or no such site</source>
        <translation>تعذّر الوصول إلى ‎{host}‎: لا شبكة، أو لا موقع بهذا الاسم</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="96"/>
        <source>{host} refused the connection</source>
        <translation>رفض ‎{host}‎ الاتصال</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="97"/>
        <source>no secure connection to {host}: {reason}</source>
        <translation>تعذّر الاتصال الآمن بـ‎{host}‎: {reason}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="98"/>
        <source>could not fetch from {host}: {reason}</source>
        <translation>تعذّر الجلب من ‎{host}‎: {reason}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="99"/>
        <source>the clipboard holds no text to make an article of</source>
        <translation>لا نص في الحافظة يُصنع منه مقال</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="103"/>
        <source>not a news feed (RSS or Atom): {reason}</source>
        <translation>ليست موجز أخبار (‎RSS‎ أو ‎Atom‎): {reason}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="104"/>
        <source>no feed with id {id}</source>
        <translation>لا موجز بالرقم {id}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="105"/>
        <source>this feed is followed already (id {id})</source>
        <translation>هذا الموجز متابَع من قبل (الرقم {id})</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="107"/>
        <source>the document had tracked changes: imported as accepted (insertions kept: {insertions}, deletions dropped: {deletions})</source>
        <translation>في المستند تغييرات متعقَّبة: استُورد كأنها مقبولة (إضافات أُبقيت: {insertions}، حذوفات أُسقطت: {deletions})</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="112"/>
        <source>reviewer comments imported as notes: {count}</source>
        <translation>تعليقات المراجعين المستوردة ملاحظاتٍ: {count}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="115"/>
        <source>footnotes, endnotes and text boxes imported: {count}</source>
        <translation>الحواشي السفلية والختامية ومربعات النص المستوردة: {count}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="118"/>
        <source>the text was wrapped at a fixed width: its lines were joined into paragraphs</source>
        <translation>كان النص مقسّمًا بعرض ثابت: وُصلت أسطره في فقرات</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="121"/>
        <source>lines stored in visual order were put back in reading order: {count}</source>
        <translation>أسطر مخزّنة بالترتيب المرئي أُعيدت إلى ترتيب القراءة: {count}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="124"/>
        <source>justified lines were reassembled and their stretching (tatweel) removed: {count}</source>
        <translation>أسطر مضبوطة أُعيد تجميعها وأُزيل مدّها (التطويل): {count}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="128"/>
        <source>running headers and footers repeated on every page were left out: {count}</source>
        <translation>رؤوس وتذييلات متكررة في كل صفحة أُسقطت: {count}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="131"/>
        <source>this PDF is protected by a password: remove the protection, then import it again</source>
        <translation>ملف PDF هذا محمي بكلمة مرور: أزل الحماية ثم استورده من جديد</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="135"/>
        <source>this PDF is encrypted with AES, which needs the cryptography package</source>
        <translation>ملف PDF هذا مشفّر بخوارزمية AES، وقراءته تحتاج إلى حزمة cryptography</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="139"/>
        <source>the library at {folder} was written by a newer Hamish (schema {found}; this one knows {known}): update Hamish to open it</source>
        <translation>المكتبة في {folder} كتبها إصدار أحدث من هامش (المخطط {found}؛ وهذا الإصدار يعرف {known}): حدّث هامش لتفتحها</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="144"/>
        <source>the library at {folder} is locked by another program: {reason}</source>
        <translation>المكتبة في {folder} مقفلة من برنامج آخر: {reason}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="147"/>
        <source>the library at {folder} cannot be written: {reason}</source>
        <translation>تتعذر الكتابة في المكتبة في {folder}: {reason}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="150"/>
        <source>the library at {folder} cannot be opened: {reason}</source>
        <translation>يتعذر فتح المكتبة في {folder}: {reason}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="153"/>
        <source>Hamish was stopped before it closed this library (process {pid}); everything saved is kept, and the search index is brought up to date</source>
        <translation>توقّف «هامش» قبل أن يُغلق هذه المكتبة (العملية {pid})؛ كل ما حُفظ باقٍ، ويجري تحديث فهرس البحث</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="158"/>
        <source>the library at {folder} cannot be opened: its disk is full; free some space and try again</source>
        <translation>يتعذر فتح المكتبة في {folder}: قرصها ممتلئ؛ أفرغ بعض المساحة ثم حاول مرة أخرى</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="162"/>
        <source>the library at {folder} is read-only (a read-only disk or folder): it can be read and searched, not changed</source>
        <translation>المكتبة في {folder} للقراءة فقط (قرص أو مجلد للقراءة فقط): يمكن قراءتها والبحث فيها، لا تغييرها</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="167"/>
        <source>the library at {folder} is on a read-only disk or folder: copy it to a folder you can write to, or read and search it with the hamish command</source>
        <translation>المكتبة في {folder} على قرص أو مجلد للقراءة فقط: انسخها إلى مجلد يمكن الكتابة فيه، أو اقرأها وابحث فيها بالأمر ‎hamish‎</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="173"/>
        <source>indexing: {percent}%</source>
        <translation>جارٍ الفهرسة: {percent}٪</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="174"/>
        <source>indexing: {percent}%; until it ends, results come from the part already indexed</source>
        <translation>جارٍ الفهرسة: {percent}٪؛ وإلى أن تنتهي تأتي النتائج من الجزء المفهرس حتى الآن</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="179"/>
        <source>the disk is full: nothing was saved in {path}; free some space and try again</source>
        <translation>القرص ممتلئ: لم يُحفظ شيء في {path}؛ أفرغ بعض المساحة ثم حاول مرة أخرى</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="183"/>
        <source>{path} is on a read-only disk or folder: nothing was saved</source>
        <translation>{path} على قرص أو مجلد للقراءة فقط: لم يُحفظ شيء</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="187"/>
        <source>the library is already at {folder}</source>
        <translation>المكتبة موجودة أصلًا في {folder}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="188"/>
        <source>{folder} is inside the library, or holds it: choose a folder elsewhere</source>
        <translation>المجلد {folder} داخل المكتبة أو يحتويها: اختر مجلدًا في مكان آخر</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="191"/>
        <source>{folder} is not empty: choose an empty folder</source>
        <translation>المجلد {folder} ليس فارغًا: اختر مجلدًا فارغًا</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="194"/>
        <source>{folder} does not hold a Hamish library</source>
        <translation>المجلد {folder} لا يحتوي مكتبة هامش</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="197"/>
        <source>the library at {folder} is damaged: {reason}</source>
        <translation>المكتبة في {folder} تالفة: {reason}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="200"/>
        <source>the library could not be copied: {reason}</source>
        <translation>تعذّر نسخ المكتبة: {reason}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="203"/>
        <source>the copy of the library did not match the original: {reason}</source>
        <translation>نسخة المكتبة لا تطابق الأصل: {reason}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="206"/>
        <source>the move was cancelled</source>
        <translation>أُلغي النقل</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="208"/>
        <source>no such backup: {path}</source>
        <translation>لا توجد نسخة احتياطية كهذه: {path}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="209"/>
        <source>cannot write the backup to {path}: {reason}</source>
        <translation>تعذّرت كتابة النسخة الاحتياطية في {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="212"/>
        <source>cancelled: nothing was written and nothing was changed</source>
        <translation>أُلغي: لم يُكتب شيء ولم يتغيّر شيء</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="215"/>
        <source>{name} is not a zip archive, or it is truncated</source>
        <translation>{name} ليس أرشيف ‎zip‎، أو أنه مبتور</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="218"/>
        <source>{name} is truncated: {member} is cut short</source>
        <translation>{name} مبتور: {member} ناقص</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="219"/>
        <source>{name} is not a Hamish backup (it has no manifest.json)</source>
        <translation>{name} ليس نسخة احتياطية من هامش (لا يحوي ‎manifest.json‎)</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="222"/>
        <source>the manifest of {name} is not valid: {reason}</source>
        <translation>بيان {name} غير صالح: {reason}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="225"/>
        <source>{name} was written by a newer Hamish (archive format {found}; this one reads {known})</source>
        <translation>كُتب {name} بإصدار أحدث من هامش (صيغة الأرشيف {found}، وهذا الإصدار يقرأ {known})</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="229"/>
        <source>{name} is refused: the member {member} would be written outside the library</source>
        <translation>رُفض {name}: العنصر {member} سيُكتب خارج المكتبة</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="232"/>
        <source>{name} is refused: the member {member} is a symbolic link</source>
        <translation>رُفض {name}: العنصر {member} رابط رمزي</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="235"/>
        <source>{name} is refused: unexpected member {member}</source>
        <translation>رُفض {name}: عنصر غير متوقع {member}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="238"/>
        <source>{name} is refused: it holds a search index ({member}); the index is rebuilt, never restored</source>
        <translation>رُفض {name}: يحوي فهرس بحث ({member})؛ الفهرس يُعاد بناؤه ولا يُستعاد أبدًا</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="242"/>
        <source>{name} is refused: {member} is in it twice</source>
        <translation>رُفض {name}: العنصر {member} موجود فيه مرتين</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="245"/>
        <source>{name} is incomplete: {member}, listed in its manifest, is missing</source>
        <translation>{name} ناقص: العنصر {member} المذكور في بيانه غير موجود</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="248"/>
        <source>{name} is refused: {member} is encrypted or compressed in an unknown way</source>
        <translation>رُفض {name}: العنصر {member} مشفّر أو مضغوط بطريقة غير معروفة</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="251"/>
        <source>{name} is refused: {member} inflates beyond its declared size of {size} bytes (damaged, or a zip bomb)</source>
        <translation>رُفض {name}: العنصر {member} يتمدد إلى أكثر من حجمه المعلن البالغ {size} بايت (تالف، أو قنبلة ‎zip‎)</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="256"/>
        <source>{name} is damaged: {member} has {actual} bytes, its manifest says {declared}</source>
        <translation>{name} تالف: حجم {member} هو {actual} بايت، وبيانه يقول {declared}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="259"/>
        <source>{name} is damaged: {member} does not match its checksum</source>
        <translation>{name} تالف: {member} لا يطابق مجموعه الاختباري</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="262"/>
        <source>not enough free space at {folder}: {need_mb} MB needed, {free_mb} MB free</source>
        <translation>لا توجد مساحة كافية في {folder}: المطلوب {need_mb} ميغابايت، والمتاح {free_mb} ميغابايت</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="265"/>
        <source>the database in {name} is damaged: {reason}</source>
        <translation>قاعدة البيانات في {name} تالفة: {reason}</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="268"/>
        <source>{name} is not a Hamish library database</source>
        <translation>{name} ليس قاعدة بيانات مكتبة من هامش</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="271"/>
        <source>{name} was written by a newer Hamish (schema {found}; this one knows {known}): update Hamish to restore it</source>
        <translation>كُتب {name} بإصدار أحدث من هامش (المخطط {found}، وهذا الإصدار يعرف {known}): حدّث هامش لاستعادته</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="276"/>
        <source>{folder} is not empty and holds no Hamish library: choose an empty folder</source>
        <translation>المجلد {folder} ليس فارغًا ولا يحوي مكتبة هامش: اختر مجلدًا فارغًا</translation>
    </message>
    <message>
        <location filename="../desktop_app/core/messages.py" line="279"/>
        <source>the restore failed: {reason}; the library is as it was</source>
        <translation>فشلت الاستعادة: {reason}؛ المكتبة كما كانت</translation>
    </message>
</context>
<context>
    <name>NotesList</name>
    <message>
        <location filename="../desktop_app/ui/panels/notes_list.py" line="43"/>
        <source>New note</source>
        <translation>ملاحظة جديدة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/notes_list.py" line="45"/>
        <source>Delete note</source>
        <translation>حذف الملاحظة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/notes_list.py" line="53"/>
        <source>Write the note here; it is saved as you type.</source>
        <translation>اكتب الملاحظة هنا؛ تُحفظ أثناء الكتابة.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/notes_list.py" line="76"/>
        <location filename="../desktop_app/ui/panels/notes_list.py" line="112"/>
        <source>(empty note)</source>
        <translation>(ملاحظة فارغة)</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <location filename="../desktop_app/ui/dialogs/paste_dialog.py" line="44"/>
        <source>Paste as new article</source>
        <translation>لصق كمقال جديد</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/paste_dialog.py" line="49"/>
        <source>&amp;Title:</source>
        <translation>ال&amp;عنوان:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/paste_dialog.py" line="51"/>
        <source>&amp;Source:</source>
        <translation>ال&amp;مصدر:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/paste_dialog.py" line="55"/>
        <source>The address of the page, if known</source>
        <translation>عنوان الصفحة إن كان معروفًا</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/paste_dialog.py" line="56"/>
        <source>&amp;Address:</source>
        <translation>عنوان ال&amp;صفحة:</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/dialogs/paste_dialog.py" line="61"/>
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>لا فقرات</numerusform>
            <numerusform>فقرة واحدة</numerusform>
            <numerusform>فقرتان</numerusform>
            <numerusform>%Ln فقرات</numerusform>
            <numerusform>%Ln فقرة</numerusform>
            <numerusform>%Ln فقرة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/paste_dialog.py" line="66"/>
        <source>Optional, separated by commas</source>
        <translation>اختيارية، تفصل بينها فواصل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/paste_dialog.py" line="67"/>
        <source>Ta&amp;gs:</source>
        <translation>الو&amp;سوم:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/paste_dialog.py" line="72"/>
        <source>&amp;Add to the library</source>
        <translation>أ&amp;ضف إلى المكتبة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/paste_dialog.py" line="94"/>
        <source>Not an http or https address</source>
        <translation>ليس عنوان ‎http‎ أو ‎https‎</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="54"/>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="57"/>
        <source>&amp;General</source>
        <translation>&amp;عام</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="58"/>
        <source>&amp;Reading</source>
        <translation>ال&amp;قراءة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="59"/>
        <source>&amp;Labels</source>
        <translation>الت&amp;صنيفات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="60"/>
        <source>E&amp;xport</source>
        <translation>الت&amp;صدير</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="62"/>
        <source>Li&amp;brary</source>
        <translation>الم&amp;كتبة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="88"/>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="151"/>
        <source>Follow the system</source>
        <translation>كما في النظام</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="92"/>
        <source>&amp;Interface language:</source>
        <translation>&amp;لغة الواجهة:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="95"/>
        <source>Arabic-Indic (%1)</source>
        <translation>هندية عربية (%1)</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="96"/>
        <source>Latin (%1)</source>
        <translation>لاتينية (%1)</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="99"/>
        <source>&amp;Digits:</source>
        <translation>الأ&amp;رقام:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="100"/>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="101"/>
        <source>Digits in the interface</source>
        <translation>الأرقام في الواجهة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="104"/>
        <source>The language and the digits take effect when Hamish is restarted. (A language given with --lang or $HAMISH_LANG wins over this choice.)</source>
        <translation>تسري اللغة والأرقام عند إعادة تشغيل هامش. (اللغة المحددة بالخيار ‎--lang‎ أو بالمتغير ‎$HAMISH_LANG‎ تتقدّم على هذا الاختيار.)</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="120"/>
        <source>Reading font</source>
        <translation>خط القراءة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="121"/>
        <source>Default (%1 for Arabic)</source>
        <translation>الافتراضي (%1 للعربية)</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="130"/>
        <source>&amp;Font:</source>
        <translation>ال&amp;خط:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="133"/>
        <source>Text size in points</source>
        <translation>حجم النص بالنقاط</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="137"/>
        <source> pt</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="139"/>
        <source>Text &amp;size:</source>
        <translation>&amp;حجم النص:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="142"/>
        <source>Line spacing</source>
        <translation>تباعد الأسطر</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="147"/>
        <source>Line s&amp;pacing:</source>
        <translation>ت&amp;باعد الأسطر:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="150"/>
        <source>Reading theme</source>
        <translation>سمة القراءة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="151"/>
        <source>Light</source>
        <translation>فاتحة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="151"/>
        <source>Dark</source>
        <translation>داكنة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="151"/>
        <source>Sepia</source>
        <translation>بنية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="155"/>
        <source>&amp;Theme:</source>
        <translation>ال&amp;سمة:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="171"/>
        <source>Preview:</source>
        <translation>معاينة:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="180"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="181"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="188"/>
        <source>Colour…</source>
        <translation>اللون…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="190"/>
        <source>Colour of label %1</source>
        <translation>لون التصنيف %1</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="194"/>
        <source>Name of label %1</source>
        <translation>اسم التصنيف %1</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="214"/>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="281"/>
        <source>Word template</source>
        <translation>قالب Word</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="216"/>
        <source>Hamish&apos;s own styles</source>
        <translation>أنماط هامش الخاصة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="217"/>
        <source>C&amp;hoose…</source>
        <translation>ا&amp;ختيار…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="220"/>
        <source>&amp;Own styles</source>
        <translation>أنماط &amp;هامش</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="222"/>
        <source>Export with Hamish&apos;s own styles, without a template</source>
        <translation>التصدير بأنماط هامش الخاصة، دون قالب</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="228"/>
        <source>Word &amp;template:</source>
        <translation>&amp;قالب Word:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="233"/>
        <source>Handling marking of new briefings</source>
        <translation>درجة التداول للموجزات الجديدة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="238"/>
        <source>For internal use only</source>
        <translation>للاستعمال الداخلي فقط</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="239"/>
        <source>Confidential</source>
        <translation>سرّي</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="240"/>
        <source>Restricted</source>
        <translation>محدود التداول</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="241"/>
        <source>Not for publication</source>
        <translation>ليس للنشر</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="245"/>
        <source>Default &amp;marking:</source>
        <translation>درجة التداول الا&amp;فتراضية:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="249"/>
        <source>New briefings start with this marking (each briefing can change it); Word exports take their styles from the template.</source>
        <translation>تبدأ الموجزات الجديدة بدرجة التداول هذه (ويمكن تغييرها في كل موجز)؛ وتأخذ ملفات Word المصدَّرة أنماطها من القالب.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="271"/>
        <source>Colour of “%1”</source>
        <translation>لون «%1»</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/preferences.py" line="283"/>
        <source>Word documents and templates (*.docx *.dotx)</source>
        <translation>مستندات Word وقوالبها (*.docx *.dotx)</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <location filename="../desktop_app/ui/i18n.py" line="159"/>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../desktop_app/ui/reader/view.py" line="67"/>
        <source>Tags, separated by commas</source>
        <translation>الوسوم، مفصولة بفواصل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/keyboard.py" line="199"/>
        <location filename="../desktop_app/ui/reader/view.py" line="74"/>
        <source>Open an article from the library to read it here.</source>
        <translation>افتح مقالًا من المكتبة لقراءته هنا.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/reader/view.py" line="160"/>
        <source>Original</source>
        <translation>الأصل</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="251"/>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="294"/>
        <source>Restore from a backup</source>
        <translation>الاستعادة من نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="254"/>
        <source>Choose a .zip archive or a .sqlite3 backup. It is checked in full before anything in the library changes.</source>
        <translation>اختر أرشيف ‎.zip‎ أو نسخة احتياطية ‎.sqlite3‎. تُفحص كاملةً قبل أن يتغيّر أي شيء في المكتبة.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="258"/>
        <source>&amp;Backup:</source>
        <translation>ال&amp;نسخة:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="259"/>
        <source>Backup file</source>
        <translation>ملف النسخة الاحتياطية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="262"/>
        <source>Restoring replaces the articles, highlights, notes and briefings of this library by the backup&apos;s. The current state is first kept as a safety backup in %1. The window then reloads the library.</source>
        <translation>تستبدل الاستعادةُ مقالات هذه المكتبة وتظليلاتها وملاحظاتها وموجزاتها بما في النسخة الاحتياطية. تُحفظ الحالة الحالية أولًا نسخةً احتياطية للأمان في %1. ثم تعيد النافذة تحميل المكتبة.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="278"/>
        <source>Chec&amp;k</source>
        <translation>&amp;فحص</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="280"/>
        <source>&amp;Restore</source>
        <translation>ا&amp;ستعادة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="296"/>
        <source>Hamish backups (*.zip *.sqlite3);;All files (*)</source>
        <translation>نسخ هامش الاحتياطية (‎*.zip *.sqlite3‎);;كل الملفات (‎*‎)</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="319"/>
        <source>Choose a backup to restore.</source>
        <translation>اختر نسخة احتياطية لاستعادتها.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="321"/>
        <source>Checking the backup…</source>
        <translation>جارٍ فحص النسخة الاحتياطية…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="335"/>
        <source>Articles: %1 · Highlights: %2 · Notes: %3 · Briefings: %4</source>
        <translation>المقالات: %1 · التظليلات: %2 · الملاحظات: %3 · الموجزات: %4</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="342"/>
        <source>Written on %1.</source>
        <translation>كُتبت في %1.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="344"/>
        <source>The backup is sound. Restore it?</source>
        <translation>النسخة الاحتياطية سليمة. أتريد استعادتها؟</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="358"/>
        <source>Restoring…</source>
        <translation>جارٍ الاستعادة…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="368"/>
        <source>The library was restored; its state before is kept in %1.</source>
        <translation>استُعيدت المكتبة؛ وحالتها السابقة محفوظة في %1.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/backup_dialogs.py" line="372"/>
        <source>The library was not restored: %1</source>
        <translation>لم تُستعد المكتبة: %1</translation>
    </message>
</context>
<context>
    <name>SavedSearchBar</name>
    <message>
        <location filename="../desktop_app/ui/panels/saved_searches.py" line="31"/>
        <source>Run a saved search</source>
        <translation>تشغيل بحث محفوظ</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/saved_searches.py" line="38"/>
        <source>Save…</source>
        <translation>حفظ…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/saved_searches.py" line="39"/>
        <source>Save this search under a name</source>
        <translation>حفظ هذا البحث باسم</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/saved_searches.py" line="42"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/saved_searches.py" line="43"/>
        <source>Delete the chosen saved search</source>
        <translation>حذف البحث المحفوظ المختار</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/saved_searches.py" line="65"/>
        <source>Saved searches</source>
        <translation>عمليات البحث المحفوظة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/saved_searches.py" line="95"/>
        <source>Save the search</source>
        <translation>حفظ البحث</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/saved_searches.py" line="95"/>
        <source>Name of this search:</source>
        <translation>اسم هذا البحث:</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/saved_searches.py" line="102"/>
        <source>The search was not saved: %1</source>
        <translation>لم يُحفظ البحث: %1</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/saved_searches.py" line="105"/>
        <source>The search “%1” was saved.</source>
        <translation>حُفظ البحث «%1».</translation>
    </message>
</context>
<context>
    <name>SearchFacets</name>
    <message>
        <location filename="../desktop_app/ui/panels/search_facets.py" line="20"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_facets.py" line="21"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_facets.py" line="22"/>
        <source>Year</source>
        <translation>السنة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_facets.py" line="23"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_facets.py" line="24"/>
        <source>Label</source>
        <translation>التصنيف</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_facets.py" line="33"/>
        <source>Articles</source>
        <translation>مقالات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_facets.py" line="34"/>
        <source>Highlights</source>
        <translation>تظليلات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_facets.py" line="35"/>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_facets.py" line="90"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="118"/>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="231"/>
        <source>Type to search articles, highlights and notes.</source>
        <translation>اكتب للبحث في المقالات والتظليلات والملاحظات.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="126"/>
        <source>Search (Ctrl+K): words, &quot;a phrase&quot;, AND, OR, NOT</source>
        <translation>بحث (Ctrl+K): كلمات، &quot;عبارة&quot;، AND، OR، NOT</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="163"/>
        <source>Clear the filters</source>
        <translation>مسح عوامل التصفية</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="181"/>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="183"/>
        <source>Add the selected results to the briefing</source>
        <translation>إضافة النتائج المحددة إلى الموجز</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="186"/>
        <source>New briefing from these results…</source>
        <translation>موجز جديد من هذه النتائج…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="234"/>
        <source>Search is not available: the library has no index yet.</source>
        <translation>البحث غير متاح: لا فهرس للمكتبة بعد.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="236"/>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="262"/>
        <source>Search is not available right now: %1</source>
        <translation>البحث غير متاح الآن: %1</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="264"/>
        <source>This query cannot be read: %1</source>
        <translation>تعذّرت قراءة هذا الاستعلام: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/search_panel.py" line="277"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%Ln نتائج</numerusform>
            <numerusform>%Ln نتيجة</numerusform>
            <numerusform>%Ln نتيجة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="283"/>
        <source>Nothing matches this search with the chosen filters. Clear the filters to search everything.</source>
        <translation>لا شيء يطابق هذا البحث مع عوامل التصفية المختارة. امسح عوامل التصفية للبحث في كل شيء.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="290"/>
        <source>Nothing matches this search. Try fewer or shorter words, or check the spelling.</source>
        <translation>لا شيء يطابق هذا البحث. جرّب كلمات أقل أو أقصر، أو تحقق من الإملاء.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="312"/>
        <source>The search failed: %1</source>
        <translation>تعذّر البحث: %1</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="344"/>
        <source>This note is not attached to an article.</source>
        <translation>هذه الملاحظة غير مرتبطة بمقال.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/panels/search_panel.py" line="365"/>
        <source>Search first: the briefing is made of the results.</source>
        <translation>ابحث أولًا: يُبنى الموجز من النتائج.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../desktop_app/ui/session.py" line="82"/>
        <source>The article was moved to the trash; Undo brings it back.</source>
        <translation>نُقل المقال إلى المهملات؛ يعيده أمر التراجع.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/session.py" line="108"/>
        <source>Select some text of the article first.</source>
        <translation>حدّد جزءًا من نص المقال أولًا.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/session.py" line="139"/>
        <source>The note&apos;s highlight was gone; the text was kept as a free note.</source>
        <translation>لم يعد تظليل الملاحظة موجودًا؛ فحُفظ نصها ملاحظةً حرة.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../desktop_app/ui/dialogs/shortcuts.py" line="53"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/shortcuts.py" line="82"/>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/shortcuts.py" line="101"/>
        <source>%1 › %2</source>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/shortcuts.py" line="139"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/shortcuts.py" line="140"/>
        <source>Filter by command or key</source>
        <translation>تصفية حسب الأمر أو المفتاح</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/shortcuts.py" line="141"/>
        <source>Filter the shortcuts</source>
        <translation>تصفية الاختصارات</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/shortcuts.py" line="142"/>
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/shortcuts.py" line="142"/>
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/shortcuts.py" line="142"/>
        <source>Where</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/dialogs/shortcuts.py" line="143"/>
        <source>Commands and their shortcuts</source>
        <translation>الأوامر واختصاراتها</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <location filename="../desktop_app/ui/session.py" line="23"/>
        <source>Delete the note</source>
        <translation>حذف الملاحظة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/undo.py" line="22"/>
        <source>Highlight text</source>
        <translation>تظليل نص</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/undo.py" line="48"/>
        <source>Change the label</source>
        <translation>تغيير التصنيف</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/undo.py" line="62"/>
        <source>Delete the highlight</source>
        <translation>حذف التظليل</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/undo.py" line="78"/>
        <source>Edit the note</source>
        <translation>تعديل الملاحظة</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/undo.py" line="113"/>
        <source>Move the article to the trash</source>
        <translation>نقل المقال إلى المهملات</translation>
    </message>
</context>
<context>
    <name>WebCapture</name>
    <message>
        <location filename="../desktop_app/ui/web_capture.py" line="112"/>
        <source>The clipboard holds no text to paste.</source>
        <translation>لا نص في الحافظة للصقه.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/web_capture.py" line="131"/>
        <source>Adding the pasted article…</source>
        <translation>جارٍ إضافة المقال الملصوق…</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/web_capture.py" line="152"/>
        <source>This article is already in the library: it is shown.</source>
        <translation>هذا المقال موجود في المكتبة، وهو معروض الآن.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/web_capture.py" line="154"/>
        <source>The pasted article was added to the library.</source>
        <translation>أُضيف المقال الملصوق إلى المكتبة.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/web_capture.py" line="158"/>
        <source>Nothing was pasted: %1</source>
        <translation>لم يُلصق شيء: %1</translation>
    </message>
</context>
<context>
    <name>WindowHost</name>
    <message>
        <location filename="../desktop_app/ui/window_host.py" line="72"/>
        <source>Another library</source>
        <translation>مكتبة أخرى</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/window_host.py" line="81"/>
        <source>The library could not be remembered for the next start: %1</source>
        <translation>تعذّر حفظ المكتبة لتُفتح عند التشغيل القادم: %1</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/window_host.py" line="102"/>
        <source>The library at %1 is open.</source>
        <translation>المكتبة الموجودة في %1 مفتوحة.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/window_host.py" line="108"/>
        <source>The library was moved to %1.</source>
        <translation>نُقلت المكتبة إلى %1.</translation>
    </message>
    <message>
        <location filename="../desktop_app/ui/window_host.py" line="128"/>
        <source>The library was moved; the old folder %1 was removed.</source>
        <translation>نُقلت المكتبة، وحُذف المجلد القديم %1.</translation>
    </message>
</context>
</TS>
