<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <!-- The plugin's own name and description, as the manifest gives them; context = the plugin id. -->
    <context>
        <name>station_duty</name>
        <message>
            <source>Station duty</source>
            <translation>派出所值班</translation>
        </message>
        <message>
            <source>Duty rosters of the police stations, the station responsibility list, police / non-police triage at intake, station load</source>
            <translation>各派出所值班表、派出所职责清单、接警时警务/非警务分流建议、派出所警情负荷</translation>
        </message>
    </context>
</TS>
