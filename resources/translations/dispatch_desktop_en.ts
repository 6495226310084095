<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dialogs.py" line="79"/>
        <source>A reason is required.</source>
        <translation>A reason is required.</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <location filename="../../dispatch_desktop/ui/models/alerts.py" line="41"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/alerts.py" line="42"/>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/alerts.py" line="43"/>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/alerts.py" line="44"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/alerts.py" line="47"/>
        <source>SOS</source>
        <translation>SOS</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/alerts.py" line="48"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/alerts.py" line="54"/>
        <source>Officer needs help at {lat:.5f}, {lon:.5f}</source>
        <translation>Officer needs help at {lat:.5f}, {lon:.5f}</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/alerts_panel.py" line="45"/>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/alerts_panel.py" line="48"/>
        <source>{title} — {count} SOS</source>
        <translation>{title} — {count} SOS</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="58"/>
        <source>Police</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="59"/>
        <source>Non-police</source>
        <translation>Non-police</translation>
    </message>
</context>
<context>
    <name>Dispatch</name>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="17"/>
        <source>Fastest arrival</source>
        <translation>Fastest arrival</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="18"/>
        <source>Violent / terror: rapid-response team first (+{extra} s)</source>
        <translation>Violent / terror: rapid-response team first (+{extra} s)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="19"/>
        <source>Violent / terror: rapid-response back-up (+{extra} s)</source>
        <translation>Violent / terror: rapid-response back-up (+{extra} s)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="20"/>
        <source>Incident&apos;s own station</source>
        <translation>Incident&apos;s own station</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="21"/>
        <source>Soon free: on a break</source>
        <translation>Soon free: on a break</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="22"/>
        <source>Soon free: on scene at {incident}, about {minutes} min</source>
        <translation>Soon free: on scene at {incident}, about {minutes} min</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="26"/>
        <source>Call → dispatch</source>
        <translation>Call → dispatch</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="27"/>
        <source>Dispatch → arrival</source>
        <translation>Dispatch → arrival</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="28"/>
        <source>Arrival → clear</source>
        <translation>Arrival → clear</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="32"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="33"/>
        <source>Police station</source>
        <translation>Police station</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="34"/>
        <source>Patrol area</source>
        <translation>Patrol area</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="35"/>
        <source>Duty point</source>
        <translation>Duty point</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="36"/>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="37"/>
        <source>Metro station</source>
        <translation>Metro station</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="38"/>
        <source>Bus / coach station</source>
        <translation>Bus / coach station</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="39"/>
        <source>Square</source>
        <translation>Square</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="40"/>
        <source>Shopping mall</source>
        <translation>Shopping mall</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="41"/>
        <source>Market</source>
        <translation>Market</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="42"/>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="43"/>
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="44"/>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="48"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="49"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="50"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="51"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="52"/>
        <source>ETA</source>
        <translation>ETA</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="53"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="54"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="55"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="58"/>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="60"/>
        <source>{phase}
{elapsed} / {target}</source>
        <translation>{phase}
{elapsed} / {target}</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="63"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="64"/>
        <source>Advice given</source>
        <translation>Advice given</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="65"/>
        <source>Nothing found on arrival</source>
        <translation>Nothing found on arrival</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="66"/>
        <source>Duplicate call</source>
        <translation>Duplicate call</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="67"/>
        <source>Not a valid incident</source>
        <translation>Not a valid incident</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="68"/>
        <source>False report</source>
        <translation>False report</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="74"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="75"/>
        <source>En route</source>
        <translation>En route</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="76"/>
        <source>On scene</source>
        <translation>On scene</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="77"/>
        <source>Cleared</source>
        <translation>Cleared</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="78"/>
        <source>Recalled</source>
        <translation>Recalled</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="113"/>
        <source>{m} m</source>
        <translation>{m} m</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="114"/>
        <source>{km:.1f} km</source>
        <translation>{km:.1f} km</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="178"/>
        <source>Dispatch (Enter/F5)</source>
        <translation>Dispatch (Enter/F5)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="179"/>
        <source>Re-rank (F6)</source>
        <translation>Re-rank (F6)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="180"/>
        <source>Transfer to department (F7)</source>
        <translation>Transfer to department (F7)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="181"/>
        <source>Recall (F8)</source>
        <translation>Recall (F8)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="182"/>
        <source>Close (F9)</source>
        <translation>Close (F9)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="186"/>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="187"/>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="299"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="187"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="187"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="188"/>
        <source>Units on this incident</source>
        <translation>Units on this incident</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="189"/>
        <source>Recommended units — Enter sends the highlighted one, 1–9 the nth</source>
        <translation>Recommended units — Enter sends the highlighted one, 1–9 the nth</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="235"/>
        <source>There is no unit in row %1.</source>
        <translation>There is no unit in row %1.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="240"/>
        <source>%1 cannot be sent now (%2).</source>
        <translation>%1 cannot be sent now (%2).</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="245"/>
        <source>Dispatching %1…</source>
        <translation>Dispatching %1…</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="259"/>
        <source>Only non-police incidents awaiting dispatch are transferred.</source>
        <translation>Only non-police incidents awaiting dispatch are transferred.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="268"/>
        <source>Transferred %1 to %2.</source>
        <translation>Transferred %1 to %2.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="271"/>
        <source>Transfer to department</source>
        <translation>Transfer to department</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="272"/>
        <source>Transfer %1 (%2) to:</source>
        <translation>Transfer %1 (%2) to:</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="274"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="275"/>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="300"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="284"/>
        <source>No unit is assigned to %1.</source>
        <translation>No unit is assigned to %1.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="295"/>
        <source>Recalled %1.</source>
        <translation>Recalled %1.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="298"/>
        <source>Recall unit</source>
        <translation>Recall unit</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="298"/>
        <source>Recall a unit from %1:</source>
        <translation>Recall a unit from %1:</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="313"/>
        <source>Closed %1.</source>
        <translation>Closed %1.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="316"/>
        <source>Close incident</source>
        <translation>Close incident</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="316"/>
        <source>Close %1 as:</source>
        <translation>Close %1 as:</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="317"/>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="318"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="386"/>
        <source>No incident selected — F2 takes a new call</source>
        <translation>No incident selected — F2 takes a new call</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="400"/>
        <source>caller %1</source>
        <translation>caller %1</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="402"/>
        <source>duplicate of %1</source>
        <translation>duplicate of %1</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="410"/>
        <source>Transferred to %1.</source>
        <translation>Transferred to %1.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="412"/>
        <source>Not police business: belongs to %1 — transfer with F7.</source>
        <translation>Not police business: belongs to %1 — transfer with F7.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="480"/>
        <source>Select an incident first.</source>
        <translation>Select an incident first.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="483"/>
        <source>This is a replay of the past: nothing can be sent.</source>
        <translation>This is a replay of the past: nothing can be sent.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="486"/>
        <source>%1 is %2.</source>
        <translation>%1 is %2.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="495"/>
        <source>%1 dispatched — the hub accepted.</source>
        <translation>%1 dispatched — the hub accepted.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="518"/>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="521"/>
        <source>Not sent (%1) — try again.</source>
        <translation>Not sent (%1) — try again.</translation>
    </message>
</context>
<context>
    <name>District</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="138"/>
        <source>Liwan</source>
        <translation>Liwan</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="139"/>
        <source>Yuexiu</source>
        <translation>Yuexiu</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="140"/>
        <source>Haizhu</source>
        <translation>Haizhu</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="141"/>
        <source>Tianhe</source>
        <translation>Tianhe</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="142"/>
        <source>Baiyun</source>
        <translation>Baiyun</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="143"/>
        <source>Huangpu</source>
        <translation>Huangpu</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="144"/>
        <source>Panyu</source>
        <translation>Panyu</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="145"/>
        <source>Huadu</source>
        <translation>Huadu</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="146"/>
        <source>Nansha</source>
        <translation>Nansha</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="147"/>
        <source>Conghua</source>
        <translation>Conghua</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="148"/>
        <source>Zengcheng</source>
        <translation>Zengcheng</translation>
    </message>
</context>
<context>
    <name>IncidentDetail</name>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="31"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="32"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="33"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="34"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="35"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="36"/>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="37"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="38"/>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="39"/>
        <source>Call received</source>
        <translation>Call received</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="40"/>
        <source>First dispatch</source>
        <translation>First dispatch</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="41"/>
        <source>First arrival</source>
        <translation>First arrival</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="42"/>
        <source>Cleared</source>
        <translation>Cleared</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="46"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="47"/>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="48"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="49"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="50"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="114"/>
        <source>Incident detail</source>
        <translation>Incident detail</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="117"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="142"/>
        <source>No incident selected</source>
        <translation>No incident selected</translation>
    </message>
</context>
<context>
    <name>IncidentQueue</name>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="17"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="18"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="19"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="20"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="21"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="22"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="23"/>
        <source>Call time</source>
        <translation>Call time</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="24"/>
        <source>Elapsed</source>
        <translation>Elapsed</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="25"/>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_queue.py" line="33"/>
        <source>Incident queue</source>
        <translation>Incident queue</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_queue.py" line="34"/>
        <source>Search number, type, address…</source>
        <translation>Search number, type, address…</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_queue.py" line="35"/>
        <source>Show closed</source>
        <translation>Show closed</translation>
    </message>
</context>
<context>
    <name>IncidentStatus</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="35"/>
        <source>Awaiting dispatch</source>
        <translation>Awaiting dispatch</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="36"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="37"/>
        <source>Being handled</source>
        <translation>Being handled</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="38"/>
        <source>Cleared</source>
        <translation>Cleared</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="39"/>
        <source>Referred</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="40"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="263"/>
        <source>Caller &amp;number</source>
        <translation>Caller &amp;number</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="264"/>
        <source>Caller na&amp;me</source>
        <translation>Caller na&amp;me</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="265"/>
        <source>&amp;Location</source>
        <translation>&amp;Location</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="266"/>
        <source>&amp;Address</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="267"/>
        <source>Incident &amp;type</source>
        <translation>Incident &amp;type</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="268"/>
        <source>&amp;Priority (1–4)</source>
        <translation>&amp;Priority (1–4)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="269"/>
        <source>D&amp;escription</source>
        <translation>D&amp;escription</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="273"/>
        <source>110 intake</source>
        <translation>110 intake</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="274"/>
        <source>e.g. 138 0013 8000</source>
        <translation>e.g. 138 0013 8000</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="275"/>
        <source>Type a place, station or district — or click the map</source>
        <translation>Type a place, station or district — or click the map</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="276"/>
        <source>Street and number, building, floor…</source>
        <translation>Street and number, building, floor…</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="277"/>
        <source>Type in Chinese or English, e.g. 斗殴 or fight</source>
        <translation>Type in Chinese or English, e.g. 斗殴 or fight</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="278"/>
        <source>What the caller says is happening</source>
        <translation>What the caller says is happening</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="279"/>
        <source>Create incident (Ctrl+Enter)</source>
        <translation>Create incident (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="280"/>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="722"/>
        <source>Discard call</source>
        <translation>Discard call</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="281"/>
        <source>Possible duplicates</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="358"/>
        <source>near %1</source>
        <translation>near %1</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="379"/>
        <source>No open incident nearby to mark as the original.</source>
        <translation>No open incident nearby to mark as the original.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="433"/>
        <source>No place matches “%1”: try another name or click the map.</source>
        <translation>No place matches “%1”: try another name or click the map.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="455"/>
        <source>%1 · %2 · %3, %4</source>
        <translation>%1 · %2 · %3, %4</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="458"/>
        <source>Outside the service area · nearest station %2 · %3, %4</source>
        <translation>Outside the service area · nearest station %2 · %3, %4</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="523"/>
        <source>No incident type matches “%1”.</source>
        <translation>No incident type matches “%1”.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="541"/>
        <source>Not police business: belongs to %1. Create it, then transfer it (F7).</source>
        <translation>Not police business: belongs to %1. Create it, then transfer it (F7).</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="547"/>
        <source>with %1</source>
        <translation>with %1</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="549"/>
        <source>rapid-response team first</source>
        <translation>rapid-response team first</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="576"/>
        <source>%1 · %2 · %3 away · %4 ago · %5</source>
        <translation>%1 · %2 · %3 away · %4 ago · %5</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="592"/>
        <source>Not a duplicate (Alt+D)</source>
        <translation>Not a duplicate (Alt+D)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="593"/>
        <source>Will be recorded as a duplicate of %1 and closed.</source>
        <translation>Will be recorded as a duplicate of %1 and closed.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="597"/>
        <source>Mark as duplicate of %1 (Alt+D)</source>
        <translation>Mark as duplicate of %1 (Alt+D)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="607"/>
        <source>Enter the caller&apos;s number: 3 to 20 digits.</source>
        <translation>Enter the caller&apos;s number: 3 to 20 digits.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="609"/>
        <source>Pick a place from the list or click the map.</source>
        <translation>Pick a place from the list or click the map.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="612"/>
        <source>Enter the address.</source>
        <translation>Enter the address.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="614"/>
        <source>Choose an incident type from the list.</source>
        <translation>Choose an incident type from the list.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="618"/>
        <source>At most %1 characters.</source>
        <translation>At most %1 characters.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="623"/>
        <source>Check the marked fields.</source>
        <translation>Check the marked fields.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="648"/>
        <source>Sending %1…</source>
        <translation>Sending %1…</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="661"/>
        <source>The hub refused the incident: %1</source>
        <translation>The hub refused the incident: %1</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="665"/>
        <source>Not sent (%1). Nothing is lost: press Ctrl+Enter to try again.</source>
        <translation>Not sent (%1). Nothing is lost: press Ctrl+Enter to try again.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="670"/>
        <source>%1 recorded as a duplicate of %2.</source>
        <translation>%1 recorded as a duplicate of %2.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="679"/>
        <source>%1 created.</source>
        <translation>%1 created.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="689"/>
        <source>The duplicate could not be closed: %1</source>
        <translation>The duplicate could not be closed: %1</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="705"/>
        <source>110 intake — F2 starts a call</source>
        <translation>110 intake — F2 starts a call</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="708"/>
        <source>110 call since %1 (%2)</source>
        <translation>110 call since %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="723"/>
        <source>Discard everything typed for this call?</source>
        <translation>Discard everything typed for this call?</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="153"/>
        <source>LANGUAGE_CODE</source>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../dispatch_desktop/ui/main_window.py" line="167"/>
        <source>Dispatch Desktop</source>
        <translation>Dispatch Desktop</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/main_window.py" line="170"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/main_window.py" line="171"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/main_window.py" line="172"/>
        <source>Reset layout</source>
        <translation>Reset layout</translation>
    </message>
</context>
<context>
    <name>MapLayers</name>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="37"/>
        <source>Districts</source>
        <translation>Districts</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="38"/>
        <source>Police stations and their areas</source>
        <translation>Police stations and their areas</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="39"/>
        <source>Emergency patrol areas</source>
        <translation>Emergency patrol areas</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="40"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="41"/>
        <source>Patrol groups</source>
        <translation>Patrol groups</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="42"/>
        <source>Rapid-response teams</source>
        <translation>Rapid-response teams</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="43"/>
        <source>Traffic police and station cars</source>
        <translation>Traffic police and station cars</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="44"/>
        <source>Duty points</source>
        <translation>Duty points</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="45"/>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="46"/>
        <source>Cameras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="51"/>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="52"/>
        <source>Incidents by priority</source>
        <translation>Incidents by priority</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="53"/>
        <source>{n} incidents here: click to zoom in</source>
        <translation>{n} incidents here: click to zoom in</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/layer_menu.py" line="31"/>
        <source>Map layers</source>
        <translation>Map layers</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../dispatch_desktop/ui/map/view.py" line="163"/>
        <source>The map could not be loaded</source>
        <translation>The map could not be loaded</translation>
    </message>
</context>
<context>
    <name>Mode</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="52"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="53"/>
        <source>Drill</source>
        <translation>Drill</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="54"/>
        <source>Replay</source>
        <translation>Replay</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="63"/>
        <source>P1 critical</source>
        <translation>P1 critical</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="64"/>
        <source>P2 urgent</source>
        <translation>P2 urgent</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="65"/>
        <source>P3 routine</source>
        <translation>P3 routine</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="66"/>
        <source>P4 low</source>
        <translation>P4 low</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="87"/>
        <source>Unit {unit} is not on the roster.</source>
        <translation>Unit {unit} is not on the roster.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="88"/>
        <source>Incident {incident} does not exist.</source>
        <translation>Incident {incident} does not exist.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="89"/>
        <source>Incident {incident} already exists.</source>
        <translation>Incident {incident} already exists.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="90"/>
        <source>Incident {incident} is already {status}; it cannot be changed.</source>
        <translation>Incident {incident} is already {status}; it cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="93"/>
        <source>Unit {unit} is {status}, not available: it cannot be dispatched.</source>
        <translation>Unit {unit} is {status}, not available: it cannot be dispatched.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="96"/>
        <source>Unit {unit} is already assigned to incident {incident}.</source>
        <translation>Unit {unit} is already assigned to incident {incident}.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="99"/>
        <source>Unit {unit} is not assigned to incident {incident}.</source>
        <translation>Unit {unit} is not assigned to incident {incident}.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="100"/>
        <source>Unit {unit} is {status}; there is no dispatch to acknowledge.</source>
        <translation>Unit {unit} is {status}; there is no dispatch to acknowledge.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="103"/>
        <source>Unit {unit} is {status}; it cannot arrive at incident {incident}.</source>
        <translation>Unit {unit} is {status}; it cannot arrive at incident {incident}.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="106"/>
        <source>Unit {unit} is {status}, not on scene at incident {incident}.</source>
        <translation>Unit {unit} is {status}, not on scene at incident {incident}.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="109"/>
        <source>Unit {unit} cannot be set to {status} by hand: dispatched, en route and on scene follow from dispatch, acknowledgement and arrival.</source>
        <translation>Unit {unit} cannot be set to {status} by hand: dispatched, en route and on scene follow from dispatch, acknowledgement and arrival.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="114"/>
        <source>Unit {unit} is working incident {incident}: clear or recall it before changing its status.</source>
        <translation>Unit {unit} is working incident {incident}: clear or recall it before changing its status.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="118"/>
        <source>Unit {unit} cannot go from {from_status} to {to_status}.</source>
        <translation>Unit {unit} cannot go from {from_status} to {to_status}.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="121"/>
        <source>Incident {incident} cannot go from {from_status} to {to_status}.</source>
        <translation>Incident {incident} cannot go from {from_status} to {to_status}.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="124"/>
        <source>Incident {incident} still has units assigned ({units}): recall or clear them first.</source>
        <translation>Incident {incident} still has units assigned ({units}): recall or clear them first.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="127"/>
        <source>Incident {incident} is {status}: only an undispatched incident can be referred.</source>
        <translation>Incident {incident} is {status}: only an undispatched incident can be referred.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="130"/>
        <source>Incident {incident} is marked duplicate of {duplicate_of}, which does not exist.</source>
        <translation>Incident {incident} is marked duplicate of {duplicate_of}, which does not exist.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="133"/>
        <source>Order {order} is not pending for unit {unit}.</source>
        <translation>Order {order} is not pending for unit {unit}.</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="134"/>
        <source>Unit {unit} has no emergency to acknowledge.</source>
        <translation>Unit {unit} has no emergency to acknowledge.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../dispatch_desktop/ui/status_bar.py" line="42"/>
        <source>● Hub connected</source>
        <translation>● Hub connected</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/status_bar.py" line="43"/>
        <source>Events from the command center arrive live</source>
        <translation>Events from the command center arrive live</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/status_bar.py" line="45"/>
        <source>● Hub disconnected</source>
        <translation>● Hub disconnected</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/status_bar.py" line="46"/>
        <source>No link to the command center: the picture may be out of date</source>
        <translation>No link to the command center: the picture may be out of date</translation>
    </message>
</context>
<context>
    <name>TimelineKind</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="70"/>
        <source>Incident created</source>
        <translation>Incident created</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="71"/>
        <source>Reclassified</source>
        <translation>Reclassified</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="72"/>
        <source>Unit dispatched</source>
        <translation>Unit dispatched</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="73"/>
        <source>Dispatch acknowledged</source>
        <translation>Dispatch acknowledged</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="74"/>
        <source>Arrived on scene</source>
        <translation>Arrived on scene</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="75"/>
        <source>Cleared on scene</source>
        <translation>Cleared on scene</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="76"/>
        <source>Unit recalled</source>
        <translation>Unit recalled</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="77"/>
        <source>Referred</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="78"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="79"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="80"/>
        <source>Field record</source>
        <translation>Field record</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="81"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
</context>
<context>
    <name>UnitBoard</name>
    <message>
        <location filename="../../dispatch_desktop/ui/models/unit_table.py" line="18"/>
        <source>Call sign</source>
        <translation>Call sign</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/unit_table.py" line="19"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/unit_table.py" line="20"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/unit_table.py" line="21"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/unit_table.py" line="22"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/unit_table.py" line="23"/>
        <source>Last report</source>
        <translation>Last report</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="22"/>
        <source>All units</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="23"/>
        <source>On duty</source>
        <translation>On duty</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="24"/>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="25"/>
        <source>Busy on incidents</source>
        <translation>Busy on incidents</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="26"/>
        <source>Unavailable</source>
        <translation>Unavailable</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="27"/>
        <source>Off duty</source>
        <translation>Off duty</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="28"/>
        <source>SOS</source>
        <translation>SOS</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="54"/>
        <source>Unit status</source>
        <translation>Unit status</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="55"/>
        <source>Search call sign, station, incident…</source>
        <translation>Search call sign, station, incident…</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="64"/>
        <source>Follow on map</source>
        <translation>Follow on map</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="66"/>
        <source>Keep the map centred on the selected unit</source>
        <translation>Keep the map centred on the selected unit</translation>
    </message>
</context>
<context>
    <name>UnitKind</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="44"/>
        <source>Patrol group</source>
        <translation>Patrol group</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="45"/>
        <source>Rapid-response team</source>
        <translation>Rapid-response team</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="46"/>
        <source>Traffic police</source>
        <translation>Traffic police</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="47"/>
        <source>Station car</source>
        <translation>Station car</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="48"/>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
</context>
<context>
    <name>UnitStatus</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="26"/>
        <source>Off duty</source>
        <translation>Off duty</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="27"/>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="28"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="29"/>
        <source>En route</source>
        <translation>En route</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="30"/>
        <source>On scene</source>
        <translation>On scene</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="31"/>
        <source>Unavailable</source>
        <translation>Unavailable</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="170"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="171"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="172"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="173"/>
        <source>No signal</source>
        <translation>No signal</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="180"/>
        <source>Offline since {time}</source>
        <translation>Offline since {time}</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="182"/>
        <source>No stream configured</source>
        <translation>No stream configured</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="182"/>
        <source>Empty: select an incident, or a camera on the map</source>
        <translation>Empty: select an incident, or a camera on the map</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="246"/>
        <source>{distance:.0f} m from the incident</source>
        <translation>{distance:.0f} m from the incident</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="205"/>
        <source>Pinned</source>
        <translation>Pinned</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="210"/>
        <source>{distance:.0f} m</source>
        <translation>{distance:.0f} m</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="212"/>
        <source>in view</source>
        <translation>in view</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="199"/>
        <source>{fps:.1f} fps</source>
        <translation>{fps:.1f} fps</translation>
    </message>
</context>
<context>
    <name>VideoWall</name>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="189"/>
        <source>Video wall</source>
        <translation>Video wall</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="191"/>
        <source>Show {count} tiles</source>
        <translation>Show {count} tiles</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="192"/>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="554"/>
        <source>Pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="193"/>
        <source>Keep the selected camera on the wall when the incident changes (P)</source>
        <translation>Keep the selected camera on the wall when the incident changes (P)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="194"/>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="556"/>
        <source>Enlarge</source>
        <translation>Enlarge</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="195"/>
        <source>Show the selected tile alone (double-click; Esc returns)</source>
        <translation>Show the selected tile alone (double-click; Esc returns)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="196"/>
        <source>Snapshot</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="197"/>
        <source>Attach the selected tile&apos;s picture to the incident</source>
        <translation>Attach the selected tile&apos;s picture to the incident</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="198"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="199"/>
        <source>Take the selected camera off the wall (Del)</source>
        <translation>Take the selected camera off the wall (Del)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="272"/>
        <source>Unknown camera {id}</source>
        <translation>Unknown camera {id}</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="276"/>
        <source>Every tile is pinned: unpin one to show {name}</source>
        <translation>Every tile is pinned: unpin one to show {name}</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="325"/>
        <source>No picture on this tile yet</source>
        <translation>No picture on this tile yet</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="333"/>
        <source>Video snapshot: {camera_name} ({camera_id}) at {time}, sha256 {sha256}</source>
        <translation>Video snapshot: {camera_name} ({camera_id}) at {time}, sha256 {sha256}</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="321"/>
        <source>Select an incident first: a snapshot is attached to an incident</source>
        <translation>Select an incident first: a snapshot is attached to an incident</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="323"/>
        <source>Select a tile with a camera first</source>
        <translation>Select a tile with a camera first</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="422"/>
        <source>Snapshot could not be saved: {error}</source>
        <translation>Snapshot could not be saved: {error}</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="428"/>
        <source>Snapshot saved for incident {id}</source>
        <translation>Snapshot saved for incident {id}</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="554"/>
        <source>Unpin</source>
        <translation>Unpin</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="556"/>
        <source>Back to the grid</source>
        <translation>Back to the grid</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="558"/>
        <source>Snapshot to incident</source>
        <translation>Snapshot to incident</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="560"/>
        <source>Remove from wall</source>
        <translation>Remove from wall</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="574"/>
        <source>No incident selected</source>
        <translation>No incident selected</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="576"/>
        <source>Following incident {id}</source>
        <translation>Following incident {id}</translation>
    </message>
</context>
<context>
    <name>Workstation</name>
    <message>
        <location filename="../../dispatch_desktop/ui/workstation.py" line="144"/>
        <source>SOS from {unit}</source>
        <translation>SOS from {unit}</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/workstation.py" line="149"/>
        <source>Map unavailable: {reason}</source>
        <translation>Map unavailable: {reason}</translation>
    </message>
</context>
</TS>
