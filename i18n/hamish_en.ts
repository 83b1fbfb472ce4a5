<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddressDialog</name>
    <message numerus="yes">
        <location filename="../desktop_app/ui/dialogs/address_dialog.py" line="108"/>
        <source>%n line(s) not an http or https address, left out: %1</source>
        <translation>
            <numerusform>%Ln line not an http or https address, left out: %1</numerusform>
            <numerusform>%Ln lines not an http or https address, left out: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/dialogs/address_dialog.py" line="114"/>
        <source>%n address(es) to import.</source>
        <translation>
            <numerusform>%Ln address to import.</numerusform>
            <numerusform>%Ln addresses to import.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BriefingPanel</name>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="275"/>
        <source>%n entry(ies) added to the briefing.</source>
        <translation>
            <numerusform>%Ln entry added to the briefing.</numerusform>
            <numerusform>%Ln entries added to the briefing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/briefing_panel.py" line="276"/>
        <source>Delete the section “%1” and its %n entry(ies)?</source>
        <translation>
            <numerusform>Delete the section “%1” and its %Ln entry?</numerusform>
            <numerusform>Delete the section “%1” and its %Ln entries?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedsFlow</name>
    <message numerus="yes">
        <location filename="../desktop_app/ui/feeds_flow.py" line="187"/>
        <source>Refresh cancelled: %n new article(s).</source>
        <translation>
            <numerusform>Refresh cancelled: %Ln new article.</numerusform>
            <numerusform>Refresh cancelled: %Ln new articles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/feeds_flow.py" line="189"/>
        <source>%n new article(s), %1 failed.</source>
        <translation>
            <numerusform>%Ln new article, %1 failed.</numerusform>
            <numerusform>%Ln new articles, %1 failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/feeds_flow.py" line="192"/>
        <source>%n new article(s).</source>
        <translation>
            <numerusform>%Ln new article.</numerusform>
            <numerusform>%Ln new articles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedsPanel</name>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="101"/>
        <source>Refresh every %n minute(s)</source>
        <translation>
            <numerusform>Refresh every %Ln minute</numerusform>
            <numerusform>Refresh every %Ln minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="176"/>
        <source>%1 (%n)</source>
        <translation>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="181"/>
        <source>%n unread article(s)</source>
        <translation>
            <numerusform>%Ln unread article</numerusform>
            <numerusform>%Ln unread articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/feeds_panel.py" line="332"/>
        <source>Remove %n feed(s)? Their articles stay in the library.</source>
        <translation>
            <numerusform>Remove %Ln feed? Its articles stay in the library.</numerusform>
            <numerusform>Remove %Ln feeds? Their articles stay in the library.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <location filename="../desktop_app/ui/reader/find_bar.py" line="137"/>
        <source>%1 of %n match(es)</source>
        <translation>
            <numerusform>%1 of %Ln match</numerusform>
            <numerusform>%1 of %Ln matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message numerus="yes">
        <location filename="../desktop_app/ui/import_flow.py" line="144"/>
        <source>%n article(s) imported.</source>
        <translation>
            <numerusform>%Ln article imported.</numerusform>
            <numerusform>%Ln articles imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message numerus="yes">
        <location filename="../desktop_app/ui/dialogs/import_report.py" line="34"/>
        <source>%n article(s) imported.</source>
        <translation>
            <numerusform>%Ln article imported.</numerusform>
            <numerusform>%Ln articles imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/dialogs/import_report.py" line="36"/>
        <source>%n file(s) were already in the library.</source>
        <translation>
            <numerusform>%Ln file was already in the library.</numerusform>
            <numerusform>%Ln files were already in the library.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/dialogs/import_report.py" line="38"/>
        <source>%n file(s) could not be imported:</source>
        <translation>
            <numerusform>%Ln file could not be imported:</numerusform>
            <numerusform>%Ln files could not be imported:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message numerus="yes">
        <location filename="../desktop_app/ui/models/library_model.py" line="183"/>
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%Ln highlight</numerusform>
            <numerusform>%Ln highlights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message numerus="yes">
        <location filename="../desktop_app/ui/dialogs/preferences_library.py" line="101"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/library_panel.py" line="219"/>
        <source>%1 (%n)</source>
        <translation>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/library_panel.py" line="234"/>
        <source>%n article(s) in the trash</source>
        <translation>
            <numerusform>%Ln article in the trash</numerusform>
            <numerusform>%Ln articles in the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/library_panel.py" line="236"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../desktop_app/ui/main_window.py" line="344"/>
        <source>%n highlight(s) in this article.</source>
        <translation>
            <numerusform>%Ln highlight in this article.</numerusform>
            <numerusform>%Ln highlights in this article.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message numerus="yes">
        <location filename="../desktop_app/ui/dialogs/paste_dialog.py" line="61"/>
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%Ln paragraph</numerusform>
            <numerusform>%Ln paragraphs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../desktop_app/ui/panels/search_panel.py" line="277"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%Ln result</numerusform>
            <numerusform>%Ln results</numerusform>
        </translation>
    </message>
</context>
</TS>
