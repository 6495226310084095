<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
    <context>
        <name>ActionBar</name>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/action_bar.py" line="+192" />
            <source>More actions</source>
            <translation>More actions</translation>
        </message>
    </context>
    <context>
        <name>ActionDialog</name>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/dialogs.py" line="+100" />
            <source>A reason is required.</source>
            <translation>A reason is required.</translation>
        </message>
    </context>
    <context>
        <name>Alerts</name>
        <message>
            <location filename="../../dispatch_desktop/ui/models/alerts.py" line="+53" />
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alert</source>
            <translation>Alert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>About</source>
            <translation>About</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SOS</source>
            <translation>SOS</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refused</source>
            <translation>Refused</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notice</source>
            <translation>Notice</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Officer needs help at {lat:.5f}, {lon:.5f}</source>
            <translation>Officer needs help at {lat:.5f}, {lon:.5f}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{phase} overdue by {over} (target {target})</source>
            <translation>{phase} overdue by {over} (target {target})</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/panels/alerts_panel.py" line="+46" />
            <source>Alerts</source>
            <translation>Alerts</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{title} — {count} SOS</source>
            <translation>{title} — {count} SOS</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsDashboard</name>
        <message>
            <source>being worked out…</source>
            <translation>being worked out…</translation>
        </message>
        <message>
            <source>110 calls today</source>
            <translation>110 calls today</translation>
        </message>
        <message>
            <source>valid incidents today</source>
            <translation>valid incidents today</translation>
        </message>
        <message>
            <source>non-police</source>
            <translation>non-police</translation>
        </message>
        <message>
            <source>{police} police · {non_police} non-police</source>
            <translation>{police} police · {non_police} non-police</translation>
        </message>
        <message>
            <source>cleared</source>
            <translation>cleared</translation>
        </message>
        <message>
            <source>{closed} of {created} closed · median {median}</source>
            <translation>{closed} of {created} closed · median {median}</translation>
        </message>
        <message>
            <source>not enough history</source>
            <translation>not enough history</translation>
        </message>
        <message>
            <source>Reading the event log…</source>
            <translation>Reading the event log…</translation>
        </message>
        <message>
            <source>No level yet: there is not enough history to learn the normal values from. Generate a practice history (simulated, 8 weeks), or put a generated log at {path}.</source>
            <translation>No level yet: there is not enough history to learn the normal values from. Generate a practice history (simulated, 8 weeks), or put a generated log at {path}.</translation>
        </message>
        <message>
            <source>Levels of the hour ending {at}; normal values fitted {fitted}.</source>
            <translation>Levels of the hour ending {at}; normal values fitted {fitted}.</translation>
        </message>
        <message>
            <source>The last fit failed ({reason}): these are the values fitted before.</source>
            <translation>The last fit failed ({reason}): these are the values fitted before.</translation>
        </message>
        <message>
            <source>Command dashboard</source>
            <translation>Command dashboard</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>Response times</source>
            <translation>Response times</translation>
        </message>
        <message>
            <source>Levels</source>
            <translation>Levels</translation>
        </message>
        <message>
            <source>110 calls</source>
            <translation>110 calls</translation>
        </message>
        <message>
            <source>valid incidents</source>
            <translation>valid incidents</translation>
        </message>
        <message>
            <source>hour of the day</source>
            <translation>hour of the day</translation>
        </message>
        <message>
            <source>median</source>
            <translation>median</translation>
        </message>
        <message>
            <source>90th percentile</source>
            <translation>90th percentile</translation>
        </message>
        <message>
            <source>target</source>
            <translation>target</translation>
        </message>
        <message>
            <source>minutes</source>
            <translation>minutes</translation>
        </message>
        <message>
            <source>Response time</source>
            <translation>Response time</translation>
        </message>
        <message>
            <source>call → dispatch</source>
            <translation>call → dispatch</translation>
        </message>
        <message>
            <source>dispatch → arrival</source>
            <translation>dispatch → arrival</translation>
        </message>
        <message>
            <source>Priority / district</source>
            <translation>Priority / district</translation>
        </message>
        <message>
            <source>Incidents</source>
            <translation>Incidents</translation>
        </message>
        <message>
            <source>Within target</source>
            <translation>Within target</translation>
        </message>
        <message>
            <source>Median</source>
            <translation>Median</translation>
        </message>
        <message>
            <source>District</source>
            <translation>District</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>Staffing</source>
            <translation>Staffing</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Why</translation>
        </message>
        <message>
            <source>The last complete hour against each district&apos;s normal value. Double-click a district for its trend.</source>
            <translation>The last complete hour against each district&apos;s normal value. Double-click a district for its trend.</translation>
        </message>
        <message>
            <source>Refit now</source>
            <translation>Refit now</translation>
        </message>
        <message>
            <source>Fit the normal values again from the counts read so far</source>
            <translation>Fit the normal values again from the counts read so far</translation>
        </message>
        <message>
            <source>Generate practice history (simulated, 8 weeks)…</source>
            <translation>Generate practice history (simulated, 8 weeks)…</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsDesk</name>
        <message>
            <source>Levels by district</source>
            <translation>Levels by district</translation>
        </message>
        <message>
            <source>Levels by station area</source>
            <translation>Levels by station area</translation>
        </message>
        <message>
            <source>Fitting the normal values again…</source>
            <translation>Fitting the normal values again…</translation>
        </message>
        <message>
            <source>Practice history written: fitting the normal values…</source>
            <translation>Practice history written: fitting the normal values…</translation>
        </message>
        <message>
            <source>&amp;Analytics</source>
            <translation>&amp;Analytics</translation>
        </message>
        <message>
            <source>Command dashboard</source>
            <translation>Command dashboard</translation>
        </message>
        <message>
            <source>District trend</source>
            <translation>District trend</translation>
        </message>
        <message>
            <source>Refit the normal values now</source>
            <translation>Refit the normal values now</translation>
        </message>
        <message>
            <source>Generate practice history (simulated, 8 weeks)…</source>
            <translation>Generate practice history (simulated, 8 weeks)…</translation>
        </message>
        <message>
            <source>Eight simulated weeks of incidents to learn the normal values from, written beside your log (never into it)</source>
            <translation>Eight simulated weeks of incidents to learn the normal values from, written beside your log (never into it)</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsHistory</name>
        <message>
            <source>Writing 8 weeks of simulated incidents for the normal values…</source>
            <translation>Writing 8 weeks of simulated incidents for the normal values…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Practice history</source>
            <translation>Practice history</translation>
        </message>
        <message>
            <source>Writing 8 weeks of simulated incidents for the normal values… {percent:.0f} %</source>
            <translation>Writing 8 weeks of simulated incidents for the normal values… {percent:.0f} %</translation>
        </message>
        <message>
            <source>Cancelled: no practice history was kept.</source>
            <translation>Cancelled: no practice history was kept.</translation>
        </message>
        <message>
            <source>The practice history could not be written to {path}: {reason}</source>
            <translation>The practice history could not be written to {path}: {reason}</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsLevels</name>
        <message>
            <source>{area}: the normal values are being worked out…</source>
            <translation>{area}: the normal values are being worked out…</translation>
        </message>
        <message>
            <source>{area}: not enough history (历史数据不足)</source>
            <translation>{area}: not enough history (历史数据不足)</translation>
        </message>
        <message>
            <source>the last fit failed: normal values since {when}</source>
            <translation>the last fit failed: normal values since {when}</translation>
        </message>
        <message>
            <source>not enough history</source>
            <translation>not enough history</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsService</name>
        <message>
            <source>The dashboard could not be worked out: {reason}</source>
            <translation>The dashboard could not be worked out: {reason}</translation>
        </message>
        <message>
            <source>The trend could not be worked out: {reason}</source>
            <translation>The trend could not be worked out: {reason}</translation>
        </message>
        <message>
            <source>Counting incidents per hour…</source>
            <translation>Counting incidents per hour…</translation>
        </message>
        <message>
            <source>Fitting the normal values…</source>
            <translation>Fitting the normal values…</translation>
        </message>
        <message>
            <source>Fitting the normal values failed ({reason}); the levels use the values fitted before.</source>
            <translation>Fitting the normal values failed ({reason}); the levels use the values fitted before.</translation>
        </message>
        <message>
            <source>The analytics could not read the event log: {reason}. The values shown are the last ones read.</source>
            <translation>The analytics could not read the event log: {reason}. The values shown are the last ones read.</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsTexts</name>
        <message>
            <source>green: normal</source>
            <translation>green: normal</translation>
        </message>
        <message>
            <source>blue: above normal</source>
            <translation>blue: above normal</translation>
        </message>
        <message>
            <source>yellow: well above normal</source>
            <translation>yellow: well above normal</translation>
        </message>
        <message>
            <source>red: far above normal</source>
            <translation>red: far above normal</translation>
        </message>
        <message>
            <source>green</source>
            <translation>green</translation>
        </message>
        <message>
            <source>blue</source>
            <translation>blue</translation>
        </message>
        <message>
            <source>yellow</source>
            <translation>yellow</translation>
        </message>
        <message>
            <source>red</source>
            <translation>red</translation>
        </message>
        <message>
            <source>last {window} h: {observed} incidents, normal {expected:.1f}, {p}</source>
            <translation>last {window} h: {observed} incidents, normal {expected:.1f}, {p}</translation>
        </message>
        <message>
            <source>no extra patrol groups</source>
            <translation>no extra patrol groups</translation>
        </message>
        <message>
            <source>+{n} patrol groups</source>
            <translation>+{n} patrol groups</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsTrend</name>
        <message>
            <source>District trend</source>
            <translation>District trend</translation>
        </message>
        <message>
            <source>Last</source>
            <translation>Last</translation>
        </message>
        <message>
            <source>%n day(s)</source>
            <translation>%n day(s)</translation>
        </message>
        <message>
            <source>incidents per hour</source>
            <translation>incidents per hour</translation>
        </message>
        <message>
            <source>normal value</source>
            <translation>normal value</translation>
        </message>
        <message>
            <source>normal band (95 %)</source>
            <translation>normal band (95 %)</translation>
        </message>
        <message>
            <source>hours at yellow</source>
            <translation>hours at yellow</translation>
        </message>
        <message>
            <source>hours at red</source>
            <translation>hours at red</translation>
        </message>
        <message>
            <source>Choose a district, or click one on the level map.</source>
            <translation>Choose a district, or click one on the level map.</translation>
        </message>
        <message>
            <source>{area}: not enough history (历史数据不足) for a normal value: generate practice history or wait until the log holds {weeks} weeks.</source>
            <translation>{area}: not enough history (历史数据不足) for a normal value: generate practice history or wait until the log holds {weeks} weeks.</translation>
        </message>
        <message>
            <source>Staffing: {staffing}</source>
            <translation>Staffing: {staffing}</translation>
        </message>
        <message>
            <source>These {days} days: {yellow} h at yellow and {red} h at red, in {alerts} alert(s) (a run of hours at yellow or red is one alert)</source>
            <translation>These {days} days: {yellow} h at yellow and {red} h at red, in {alerts} alert(s) (a run of hours at yellow or red is one alert)</translation>
        </message>
    </context>
    <context>
        <name>CallTaking</name>
        <message>
            <location filename="../../dispatch_desktop/ui/call_taking.py" line="+86" />
            <source>Call answered; its details are on their way.</source>
            <translation>Call answered; its details are on their way.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The call was answered at another desk; nothing else rings.</source>
            <translation>The call was answered at another desk; nothing else rings.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The call could not be answered: {why}</source>
            <translation>The call could not be answered: {why}</translation>
        </message>
    </context>
    <context>
        <name>Calls</name>
        <message>
            <source>DRILL</source>
            <translation>DRILL</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/models/calls_model.py" line="+21" />
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Number</source>
            <translation>Number</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Caller's location (network)</source>
            <translation>Caller's location (network)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ringing</source>
            <translation>Ringing</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Taken by {desk}</source>
            <translation>Taken by {desk}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Being taken here</source>
            <translation>Being taken here</translation>
        </message>
        <message>
            <location line="+1" />
            <source>caller hung up</source>
            <translation>caller hung up</translation>
        </message>
        <message>
            <location line="+1" />
            <source>number withheld</source>
            <translation>number withheld</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SIM</source>
            <translation>SIM</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no location from the network</source>
            <translation>no location from the network</translation>
        </message>
        <message>
            <location line="+1" />
            <source>near {place}, {district} (±{metres} m)</source>
            <translation>near {place}, {district} (±{metres} m)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{address} (registered landline)</source>
            <translation>{address} (registered landline)</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/panels/calls_panel.py" line="+49" />
            <source>F2 answers the highlighted call, else the one ringing longest; a double click answers that one. Shift+F2: a report without a call.</source>
            <translation>F2 answers the highlighted call, else the one ringing longest; a double click answers that one. Shift+F2: a report without a call.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Incoming calls</source>
            <translation>Incoming calls</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Incoming calls — {count} ringing (F2 answers)</source>
            <translation>Incoming calls — {count} ringing (F2 answers)</translation>
        </message>
    </context>
    <context>
        <name>Category</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="+61" />
            <source>Police</source>
            <translation>Police</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Non-police</source>
            <translation>Non-police</translation>
        </message>
    </context>
    <context>
        <name>Command</name>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/describe.py" line="+25" />
            <source>Create {incident}: {type}, {address}</source>
            <translation>Create {incident}: {type}, {address}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Dispatch {unit} to {incident}</source>
            <translation>Dispatch {unit} to {incident}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Recall {unit} from {incident}</source>
            <translation>Recall {unit} from {incident}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Transfer {incident} to {department}</source>
            <translation>Transfer {incident} to {department}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Close {incident}: {disposition}</source>
            <translation>Close {incident}: {disposition}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Note on {incident}</source>
            <translation>Note on {incident}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reclassify {incident} as {type}</source>
            <translation>Reclassify {incident} as {type}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Set {unit} to {status}</source>
            <translation>Set {unit} to {status}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Acknowledge the SOS of {unit}</source>
            <translation>Acknowledge the SOS of {unit}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Answer call {call}</source>
            <translation>Answer call {call}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Finish call {call} without an incident</source>
            <translation>Finish call {call} without an incident</translation>
        </message>
    </context>
    <context>
        <name>Desk</name>
        <message>
            <source>This hub wants a key for each of a drill&apos;s simulated units: run &apos;dispatch-desktop drill run&apos; on the trainer&apos;s machine, with the keys.</source>
            <translation>This hub wants a key for each of a drill&apos;s simulated units: run &apos;dispatch-desktop drill run&apos; on the trainer&apos;s machine, with the keys.</translation>
        </message>
        <message>
            <source>To try the replay on a busy simulated hour: Replay → Replay a practice hour</source>
            <translation>To try the replay on a busy simulated hour: Replay → Replay a practice hour</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/app.py" line="+242" />
            <source>This workstation's key is a supervisor's: it sees everything and sends nothing.</source>
            <translation>This workstation's key is a supervisor's: it sees everything and sends nothing.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A replay sends nothing.</source>
            <translation>A replay sends nothing.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Plugins…</source>
            <translation>Plugins…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Installed plugins: their state and errors; enable or disable them</source>
            <translation>Installed plugins: their state and errors; enable or disable them</translation>
        </message>
        <message>
            <location line="+10" />
            <source>a call is being taken in the intake form</source>
            <translation>a call is being taken in the intake form</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%n command(s) have no answer from the hub yet</source>
            <translation>%n command(s) have no answer from the hub yet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close the desk although {what}? Nothing is lost: it is kept and offered again at the next start.</source>
            <translation>Close the desk although {what}? Nothing is lost: it is kept and offered again at the next start.</translation>
        </message>
        <message>
            <location line="+2" />
            <source> and </source>
            <translation> and </translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close the desk?</source>
            <translation>Close the desk?</translation>
        </message>
        <message>
            <location line="+12" />
            <source>in this process (embedded)</source>
            <translation>in this process (embedded)</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Cannot write {path} ({error}): what you type is not being kept on disk.</source>
            <translation>Cannot write {path} ({error}): what you type is not being kept on disk.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Snapshot attached to {incident}</source>
            <translation>Snapshot attached to {incident}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Snapshot not attached to {incident}: {why}</source>
            <translation>Snapshot not attached to {incident}: {why}</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/overdue_notifier.py" line="+40" />
            <source>{incident} {type}: {phase} overdue by {over}</source>
            <translation>{incident} {type}: {phase} overdue by {over}</translation>
        </message>
    </context>
    <context>
        <name>Dispatch</name>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="+18" />
            <source>Fastest arrival: {km} km, about {minutes} min</source>
            <translation>Fastest arrival: {km} km, about {minutes} min</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{km} km, about {minutes} min: {extra} s after the fastest</source>
            <translation>{km} km, about {minutes} min: {extra} s after the fastest</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Position {age} min old: listed after units whose position is current</source>
            <translation>Position {age} min old: listed after units whose position is current</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Violent / terror: rapid-response team first (+{extra} s)</source>
            <translation>Violent / terror: rapid-response team first (+{extra} s)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Violent / terror: rapid-response back-up (+{extra} s)</source>
            <translation>Violent / terror: rapid-response back-up (+{extra} s)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incident's own station</source>
            <translation>Incident's own station</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Soon free: on a break</source>
            <translation>Soon free: on a break</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Soon free: on scene at {incident}, about {minutes} min</source>
            <translation>Soon free: on scene at {incident}, about {minutes} min</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Required: {reason}</source>
            <translation>Required: {reason}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Call → dispatch</source>
            <translation>Call → dispatch</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatch → arrival</source>
            <translation>Dispatch → arrival</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Arrival → clear</source>
            <translation>Arrival → clear</translation>
        </message>
        <message>
            <location line="+4" />
            <source>District</source>
            <translation>District</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Police station</source>
            <translation>Police station</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patrol area</source>
            <translation>Patrol area</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Duty point</source>
            <translation>Duty point</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Checkpoint</source>
            <translation>Checkpoint</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Railway station</source>
            <translation>Railway station</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Airport</source>
            <translation>Airport</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Metro station</source>
            <translation>Metro station</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bus / coach station</source>
            <translation>Bus / coach station</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Landmark</source>
            <translation>Landmark</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stadium / arena</source>
            <translation>Stadium / arena</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Square</source>
            <translation>Square</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shopping mall</source>
            <translation>Shopping mall</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Market</source>
            <translation>Market</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hospital</source>
            <translation>Hospital</translation>
        </message>
        <message>
            <location line="+1" />
            <source>University</source>
            <translation>University</translation>
        </message>
        <message>
            <location line="+1" />
            <source>School</source>
            <translation>School</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Park</source>
            <translation>Park</translation>
        </message>
        <message>
            <location line="+4" />
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Station</source>
            <translation>Station</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ETA</source>
            <translation>ETA</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Distance</source>
            <translation>Distance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why</source>
            <translation>Why</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sending…</source>
            <translation>Sending…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Required forces first ({reasons}), in amber: {key} sends them all</source>
            <translation>Required forces first ({reasons}), in amber: {key} sends them all</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Required, but no free unit to send: {missing}</source>
            <translation>Required, but no free unit to send: {missing}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{count} × {kind} ({reason})</source>
            <translation>{count} × {kind} ({reason})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>position stale</source>
            <translation>position stale</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{phase}
{elapsed} / {target}</source>
            <translation>{phase}
{elapsed} / {target}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Resolved</source>
            <translation>Resolved</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Advice given</source>
            <translation>Advice given</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing found on arrival</source>
            <translation>Nothing found on arrival</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Duplicate call</source>
            <translation>Duplicate call</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not a valid incident</source>
            <translation>Not a valid incident</translation>
        </message>
        <message>
            <location line="+1" />
            <source>False report</source>
            <translation>False report</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Advice given, nothing to send</source>
            <translation>Advice given, nothing to send</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Passed on to another hotline (12345, 120, 119…)</source>
            <translation>Passed on to another hotline (12345, 120, 119…)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already reported: a duplicate call</source>
            <translation>Already reported: a duplicate call</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Silent call or the caller hung up</source>
            <translation>Silent call or the caller hung up</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Misdialled</source>
            <translation>Misdialled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prank or abusive call</source>
            <translation>Prank or abusive call</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Dispatched</source>
            <translation>Dispatched</translation>
        </message>
        <message>
            <location line="+1" />
            <source>En route</source>
            <translation>En route</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On scene</source>
            <translation>On scene</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared</source>
            <translation>Cleared</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recalled</source>
            <translation>Recalled</translation>
        </message>
        <message>
            <location line="+35" />
            <source>{m} m</source>
            <translation>{m} m</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{km:.1f} km</source>
            <translation>{km:.1f} km</translation>
        </message>
    </context>
    <context>
        <name>DispatchPanel</name>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="+214" />
            <source>Dispatch (Enter/F5)</source>
            <translation>Dispatch (Enter/F5)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatch the required forces (%1)</source>
            <translation>Dispatch the required forces (%1)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dispatch</source>
            <translation>Dispatch</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../dispatch_desktop/ui/dispatch/panel_requests.py" line="+145" />
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Units on this incident</source>
            <translation>Units on this incident</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recommended units — Enter sends the highlighted one, 1–9 the nth</source>
            <translation>Recommended units — Enter sends the highlighted one, 1–9 the nth</translation>
        </message>
        <message>
            <location line="-13" />
            <source>Dispatch the highlighted unit</source>
            <translation>Dispatch the highlighted unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatch the unit in that row of the list</source>
            <translation>Dispatch the unit in that row of the list</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatch the highlighted unit (from anywhere)</source>
            <translation>Dispatch the highlighted unit (from anywhere)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatch every required unit of the list (an emergency plan's forces)</source>
            <translation>Dispatch every required unit of the list (an emergency plan's forces)</translation>
        </message>
        <message>
            <location line="+80" />
            <source>There is no unit in row %1.</source>
            <translation>There is no unit in row %1.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 cannot be sent now (%2).</source>
            <translation>%1 cannot be sent now (%2).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Dispatching %1…</source>
            <translation>Dispatching %1…</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/panel_requests.py" line="-33" />
            <source>Transferred %1 to %2.</source>
            <translation>Transferred %1 to %2.</translation>
        </message>
        <message>
            <location line="-66" />
            <location line="+71" />
            <source>Transfer to department</source>
            <translation>Transfer to department</translation>
        </message>
        <message>
            <location line="-72" />
            <source>Re-rank units</source>
            <translation>Re-rank units</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Recall a unit</source>
            <translation>Recall a unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close the incident</source>
            <translation>Close the incident</translation>
        </message>
        <message>
            <location line="+70" />
            <source>Transfer %1 (%2) to:</source>
            <translation>Transfer %1 (%2) to:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Department</source>
            <translation>Department</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+25" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Recalled %1.</source>
            <translation>Recalled %1.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Recall unit</source>
            <translation>Recall unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recall a unit from %1:</source>
            <translation>Recall a unit from %1:</translation>
        </message>
        <message numerus="yes">
            <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="-66" />
            <source>Also recall the %n unit(s) still on it: %1</source>
            <translation>
                <numerusform>Also recall the %n unit(s) still on it: %1</numerusform>
                <numerusform>Also recall the %n unit(s) still on it: %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/panel_requests.py" line="+21" />
            <source>Closed %1.</source>
            <translation>Closed %1.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Close incident</source>
            <translation>Close incident</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close %1 as:</source>
            <translation>Close %1 as:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disposition</source>
            <translation>Disposition</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <location line="+8" />
            <source>incident closed</source>
            <translation>incident closed</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 was not closed: %2</source>
            <translation>%1 was not closed: %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Recalled the units and closed %1.</source>
            <translation>Recalled the units and closed %1.</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/panel_header.py" line="+27" />
            <source>No incident selected — F2 takes a new call</source>
            <translation>No incident selected — F2 takes a new call</translation>
        </message>
        <message>
            <location line="+2" />
            <source>SIMULATION</source>
            <translation>SIMULATION</translation>
        </message>
        <message>
            <location line="+18" />
            <source>caller %1</source>
            <translation>caller %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>duplicate of %1</source>
            <translation>duplicate of %1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Transferred to %1.</source>
            <translation>Transferred to %1.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not police business: belongs to %1 — transfer with F7.</source>
            <translation>Not police business: belongs to %1 — transfer with F7.</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/panel_required.py" line="+51" />
            <source>%1 dispatched — the hub accepted.</source>
            <translation>%1 dispatched — the hub accepted.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Dispatching the required forces: %1…</source>
            <translation>Dispatching the required forces: %1…</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/panel_requests.py" line="+37" />
            <source>Refused: %1</source>
            <translation>Refused: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not sent (%1) — try again.</source>
            <translation>Not sent (%1) — try again.</translation>
        </message>
    </context>
    <context>
        <name>District</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="+90" />
            <source>Liwan</source>
            <translation>Liwan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Yuexiu</source>
            <translation>Yuexiu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Haizhu</source>
            <translation>Haizhu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tianhe</source>
            <translation>Tianhe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Baiyun</source>
            <translation>Baiyun</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Huangpu</source>
            <translation>Huangpu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Panyu</source>
            <translation>Panyu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Huadu</source>
            <translation>Huadu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nansha</source>
            <translation>Nansha</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Conghua</source>
            <translation>Conghua</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zengcheng</source>
            <translation>Zengcheng</translation>
        </message>
    </context>
    <context>
        <name>DrillBanner</name>
        <message>
            <source>DRILL · NOT LIVE — drill {drill} ({scenario}): the calls, incidents, orders and units shown here belong to the exercise</source>
            <translation>DRILL · NOT LIVE — drill {drill} ({scenario}): the calls, incidents, orders and units shown here belong to the exercise</translation>
        </message>
        <message>
            <source>Drill {drill} ({scenario}) is running: this desk shows live work only. Drill → Take part in the drill to answer it.</source>
            <translation>Drill {drill} ({scenario}) is running: this desk shows live work only. Drill → Take part in the drill to answer it.</translation>
        </message>
    </context>
    <context>
        <name>DrillControls</name>
        <message>
            <source>Inject now…</source>
            <translation>Inject now…</translation>
        </message>
        <message>
            <source>One of the scenario&apos;s injects ahead of its time, or an SOS or a failure of a drill unit that the scenario does not plan</source>
            <translation>One of the scenario&apos;s injects ahead of its time, or an SOS or a failure of a drill unit that the scenario does not plan</translation>
        </message>
        <message>
            <source>{inject} (planned at {at})</source>
            <translation>{inject} (planned at {at})</translation>
        </message>
        <message>
            <source>{unit} becomes unavailable</source>
            <translation>{unit} becomes unavailable</translation>
        </message>
        <message>
            <source>{unit} breaks down</source>
            <translation>{unit} breaks down</translation>
        </message>
        <message>
            <source>{unit} goes silent on the radio</source>
            <translation>{unit} goes silent on the radio</translation>
        </message>
        <message>
            <source>SOS from {unit}</source>
            <translation>SOS from {unit}</translation>
        </message>
        <message>
            <source>Inject now</source>
            <translation>Inject now</translation>
        </message>
        <message>
            <source>Inject:</source>
            <translation>Inject:</translation>
        </message>
        <message>
            <source>Take over the interrupted drill</source>
            <translation>Take over the interrupted drill</translation>
        </message>
        <message>
            <source>This desk started the running drill and its runner stopped (the desk was closed or killed): go on with it where it stands</source>
            <translation>This desk started the running drill and its runner stopped (the desk was closed or killed): go on with it where it stands</translation>
        </message>
        <message>
            <source>Scenario file of drill {drill}</source>
            <translation>Scenario file of drill {drill}</translation>
        </message>
        <message>
            <source>Drill {drill} runs scenario {scenario} version {version}; this file holds {found} version {found_version}.</source>
            <translation>Drill {drill} runs scenario {scenario} version {version}; this file holds {found} version {found_version}.</translation>
        </message>
        <message>
            <source>The drill cannot be taken over</source>
            <translation>The drill cannot be taken over</translation>
        </message>
        <message>
            <source>Replay a drill</source>
            <translation>Replay a drill</translation>
        </message>
        <message>
            <source>Drill number (as the drill report names it, e.g. D-20261207-01):</source>
            <translation>Drill number (as the drill report names it, e.g. D-20261207-01):</translation>
        </message>
        <message>
            <source>Replay a drill…</source>
            <translation>Replay a drill…</translation>
        </message>
        <message>
            <source>Play a past drill as its trainees saw it, read-only, marked as a drill</source>
            <translation>Play a past drill as its trainees saw it, read-only, marked as a drill</translation>
        </message>
        <message>
            <source>Drill report…</source>
            <translation>Drill report…</translation>
        </message>
        <message>
            <source>Write the last drill run from this desk as an HTML or PDF report, scored, its SHA-256 recorded in the log</source>
            <translation>Write the last drill run from this desk as an HTML or PDF report, scored, its SHA-256 recorded in the log</translation>
        </message>
        <message>
            <source>Drill report</source>
            <translation>Drill report</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>Format:</translation>
        </message>
        <message>
            <source>The file&apos;s name must contain the drill&apos;s id {drill}, e.g. {drill}-report.{format}.</source>
            <translation>The file&apos;s name must contain the drill&apos;s id {drill}, e.g. {drill}-report.{format}.</translation>
        </message>
        <message>
            <source>Drill report written: {path}, SHA-256 {sha256}</source>
            <translation>Drill report written: {path}, SHA-256 {sha256}</translation>
        </message>
        <message>
            <source>Drill report not written</source>
            <translation>Drill report not written</translation>
        </message>
        <message>
            <source>&amp;Drill</source>
            <translation>&amp;Drill</translation>
        </message>
        <message>
            <source>Take part in the drill</source>
            <translation>Take part in the drill</translation>
        </message>
        <message>
            <source>Show the running drill&apos;s calls, incidents and units with the live ones, and answer them: what this desk sends then belongs to the drill</source>
            <translation>Show the running drill&apos;s calls, incidents and units with the live ones, and answer them: what this desk sends then belongs to the drill</translation>
        </message>
        <message>
            <source>Start a drill…</source>
            <translation>Start a drill…</translation>
        </message>
        <message>
            <source>Pause the drill clock</source>
            <translation>Pause the drill clock</translation>
        </message>
        <message>
            <source>Resume the drill clock</source>
            <translation>Resume the drill clock</translation>
        </message>
        <message>
            <source>Drill clock speed</source>
            <translation>Drill clock speed</translation>
        </message>
        <message>
            <source>Skip the next inject</source>
            <translation>Skip the next inject</translation>
        </message>
        <message>
            <source>End the drill</source>
            <translation>End the drill</translation>
        </message>
        <message>
            <source>Another scenario file…</source>
            <translation>Another scenario file…</translation>
        </message>
        <message>
            <source>Start a drill</source>
            <translation>Start a drill</translation>
        </message>
        <message>
            <source>Scenario:</source>
            <translation>Scenario:</translation>
        </message>
        <message>
            <source>Scenario file</source>
            <translation>Scenario file</translation>
        </message>
        <message>
            <source>The scenario cannot run</source>
            <translation>The scenario cannot run</translation>
        </message>
        <message>
            <source>The drill stopped</source>
            <translation>The drill stopped</translation>
        </message>
        <message>
            <source>The drill ended: {earned} of {possible} points</source>
            <translation>The drill ended: {earned} of {possible} points</translation>
        </message>
    </context>
    <context>
        <name>DrillSaid</name>
        <message>
            <source>{at} drill {drill} taken over: {came} injects came, {due} due now</source>
            <translation>{at} drill {drill} taken over: {came} injects came, {due} due now</translation>
        </message>
        <message>
            <source>{at} inject {inject}: camera {camera} goes dark</source>
            <translation>{at} inject {inject}: camera {camera} goes dark</translation>
        </message>
        <message>
            <source>Drill {drill} started: {scenario}, {injects} injects, {duration} long</source>
            <translation>Drill {drill} started: {scenario}, {injects} injects, {duration} long</translation>
        </message>
        <message>
            <source>Drill {drill} ended ({reason}) at {at}</source>
            <translation>Drill {drill} ended ({reason}) at {at}</translation>
        </message>
        <message>
            <source>Drill {drill} was ended from desk {desk}</source>
            <translation>Drill {drill} was ended from desk {desk}</translation>
        </message>
        <message>
            <source>{at} drill clock paused</source>
            <translation>{at} drill clock paused</translation>
        </message>
        <message>
            <source>{at} drill clock resumed</source>
            <translation>{at} drill clock resumed</translation>
        </message>
        <message>
            <source>{at} drill clock at ×{factor}</source>
            <translation>{at} drill clock at ×{factor}</translation>
        </message>
        <message>
            <source>{at} inject {inject} skipped</source>
            <translation>{at} inject {inject} skipped</translation>
        </message>
        <message>
            <source>{at} inject {inject}: a drill 110 call from {number} at {address}</source>
            <translation>{at} inject {inject}: a drill 110 call from {number} at {address}</translation>
        </message>
        <message>
            <source>{at} inject {inject}: {unit} {failure}</source>
            <translation>{at} inject {inject}: {unit} {failure}</translation>
        </message>
        <message>
            <source>{at} inject {inject}: {unit} reports a field record on {incident}</source>
            <translation>{at} inject {inject}: {unit} reports a field record on {incident}</translation>
        </message>
        <message>
            <source>{at} inject {inject}: SOS from {unit}</source>
            <translation>{at} inject {inject}: SOS from {unit}</translation>
        </message>
        <message>
            <source>{at} inject {inject} not injected: {why}</source>
            <translation>{at} inject {inject} not injected: {why}</translation>
        </message>
        <message>
            <source>{at} met: {expectation} ({earned}/{points})</source>
            <translation>{at} met: {expectation} ({earned}/{points})</translation>
        </message>
        <message>
            <source>{at} missed: {expectation} ({earned}/{points})</source>
            <translation>{at} missed: {expectation} ({earned}/{points})</translation>
        </message>
        <message>
            <source>{at} the hub refused the drill&apos;s {kind}: {message}</source>
            <translation>{at} the hub refused the drill&apos;s {kind}: {message}</translation>
        </message>
    </context>
    <context>
        <name>FieldRecord</name>
        <message>
            <location filename="../../dispatch_desktop/ui/timeline_text.py" line="+20" />
            <source>Scene survey</source>
            <translation>Scene survey</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Information collected</source>
            <translation>Information collected</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Identity check requested</source>
            <translation>Identity check requested</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Identity check answered</source>
            <translation>Identity check answered</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vehicle check requested</source>
            <translation>Vehicle check requested</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vehicle check answered</source>
            <translation>Vehicle check answered</translation>
        </message>
    </context>
    <context>
        <name>Help</name>
        <message>
            <location filename="../../dispatch_desktop/ui/help.py" line="+34" />
            <source>Keyboard reference</source>
            <translation>Keyboard reference</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Key</source>
            <translation>Key</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Where</source>
            <translation>Where</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Does</source>
            <translation>Does</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Anywhere</source>
            <translation>Anywhere</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Keys that work anywhere come first; the others work while that panel has the keyboard.</source>
            <translation>Keys that work anywhere come first; the others work while that panel has the keyboard.</translation>
        </message>
        <message>
            <location line="+44" />
            <source>none installed</source>
            <translation>none installed</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Workstation</source>
            <translation>Workstation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Event store</source>
            <translation>Event store</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hub</source>
            <translation>Hub</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Plugins</source>
            <translation>Plugins</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Runs on</source>
            <translation>Runs on</translation>
        </message>
        <message>
            <location line="+13" />
            <source>About Dispatch Desktop</source>
            <translation>About Dispatch Desktop</translation>
        </message>
    </context>
    <context>
        <name>IncidentActions</name>
        <message>
            <location filename="../../dispatch_desktop/ui/plugins/actions.py" line="+162" />
            <source>&amp;Incident</source>
            <translation>&amp;Incident</translation>
        </message>
    </context>
    <context>
        <name>IncidentDetail</name>
        <message>
            <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="+34" />
            <source>Priority</source>
            <translation>Priority</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Station</source>
            <translation>Station</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Caller</source>
            <translation>Caller</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Units</source>
            <translation>Units</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call received</source>
            <translation>Call received</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First dispatch</source>
            <translation>First dispatch</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First arrival</source>
            <translation>First arrival</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared</source>
            <translation>Cleared</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Event</source>
            <translation>Event</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <location line="+74" />
            <source>Incident detail</source>
            <translation>Incident detail</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Timeline</source>
            <translation>Timeline</translation>
        </message>
        <message>
            <location line="+25" />
            <source>No incident selected</source>
            <translation>No incident selected</translation>
        </message>
        <message>
            <location line="+8" />
            <source>[Simulation]</source>
            <translation>[Simulation]</translation>
        </message>
    </context>
    <context>
        <name>IncidentQueue</name>
        <message>
            <source>DRILL</source>
            <translation>DRILL</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="+25" />
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Priority</source>
            <translation>Priority</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Station</source>
            <translation>Station</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call time</source>
            <translation>Call time</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Elapsed</source>
            <translation>Elapsed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Units</source>
            <translation>Units</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SIM</source>
            <translation>SIM</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Raised by the simulated city: not a real emergency</source>
            <translation>Raised by the simulated city: not a real emergency</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/panels/incident_queue.py" line="+33" />
            <source>Incident queue</source>
            <translation>Incident queue</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search number, type, address…</source>
            <translation>Search number, type, address…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show closed</source>
            <translation>Show closed</translation>
        </message>
    </context>
    <context>
        <name>IncidentStatus</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="-125" />
            <source>Awaiting dispatch</source>
            <translation>Awaiting dispatch</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatched</source>
            <translation>Dispatched</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Being handled</source>
            <translation>Being handled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared</source>
            <translation>Cleared</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referred</source>
            <translation>Referred</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
    </context>
    <context>
        <name>IntakeForm</name>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="+246" />
            <source>Caller &amp;number</source>
            <translation>Caller &amp;number</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Caller na&amp;me</source>
            <translation>Caller na&amp;me</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Location</source>
            <translation>&amp;Location</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Address</source>
            <translation>&amp;Address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incident &amp;type</source>
            <translation>Incident &amp;type</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Priority (1–4)</source>
            <translation>&amp;Priority (1–4)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>D&amp;escription</source>
            <translation>D&amp;escription</translation>
        </message>
        <message>
            <location line="+4" />
            <source>110 intake</source>
            <translation>110 intake</translation>
        </message>
        <message>
            <location line="+4" />
            <source>110 call</source>
            <translation>110 call</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Walk-in report (no phone)</source>
            <translation>Walk-in report (no phone)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Found by an officer (no phone)</source>
            <translation>Found by an officer (no phone)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>e.g. 138 0013 8000</source>
            <translation>e.g. 138 0013 8000</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Street and number, building, floor…</source>
            <translation>Street and number, building, floor…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type in Chinese or English, e.g. 斗殴 or fight</source>
            <translation>Type in Chinese or English, e.g. 斗殴 or fight</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What the caller says is happening</source>
            <translation>What the caller says is happening</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create incident (Ctrl+Enter)</source>
            <translation>Create incident (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_keys.py" line="+62" />
            <source>Answer the next ringing 110 call, or start a call by hand (back to the call in progress if there is one)</source>
            <translation>Answer the next ringing 110 call, or start a call by hand (back to the call in progress if there is one)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Start a report without a phone call (walk-in or found by an officer)</source>
            <translation>Start a report without a phone call (walk-in or found by an officer)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create the incident</source>
            <translation>Create the incident</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mark the call as a duplicate of the open incident offered (again: unmark)</source>
            <translation>Mark the call as a duplicate of the open incident offered (again: unmark)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Priority %1</source>
            <translation>Priority %1</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_calls.py" line="+73" />
            <source>Call from %1 answered.</source>
            <translation>Call from %1 answered.</translation>
        </message>
        <message>
            <location line="-1" />
            <source>a withheld number</source>
            <translation>a withheld number</translation>
        </message>
        <message>
            <location line="+35" />
            <location line="+23" />
            <source>Discard call</source>
            <translation>Discard call</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="-25" />
            <source>&amp;Source</source>
            <translation>&amp;Source</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Place, station or district (汉字, pinyin or English) — or click the map</source>
            <translation>Place, station or district (汉字, pinyin or English) — or click the map</translation>
        </message>
        <message>
            <location line="+59" />
            <location filename="../../dispatch_desktop/ui/dispatch/intake_calls.py" line="-63" />
            <source>near %1</source>
            <translation>near %1</translation>
        </message>
        <message>
            <location line="+21" />
            <source>No open incident nearby to mark as the original.</source>
            <translation>No open incident nearby to mark as the original.</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_calls.py" line="+39" />
            <source>No incident: finish the call</source>
            <translation>No incident: finish the call</translation>
        </message>
        <message>
            <location line="+3" />
            <source>110 intake — F2 answers the next call</source>
            <translation>110 intake — F2 answers the next call</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Call finished without an incident.</source>
            <translation>Call finished without an incident.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Finish the call without an incident</source>
            <translation>Finish the call without an incident</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How did the call end?</source>
            <translation>How did the call end?</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The call could not be finished: %1</source>
            <translation>The call could not be finished: %1</translation>
        </message>
        <message>
            <location line="-50" />
            <source>110 call since %1 (%2)</source>
            <translation>110 call since %1 (%2)</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Discard everything typed for this call?</source>
            <translation>Discard everything typed for this call?</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_fields.py" line="+80" />
            <source>≈ {place} (±{metres} m, from the phone network)</source>
            <translation>≈ {place} (±{metres} m, from the phone network)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>No place matches “{text}”: try another name or click the map.</source>
            <translation>No place matches “{text}”: try another name or click the map.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>{district} · {station} · {lat}, {lon}</source>
            <translation>{district} · {station} · {lat}, {lon}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Outside the service area · nearest station {station} · {lat}, {lon}</source>
            <translation>Outside the service area · nearest station {station} · {lat}, {lon}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Approximate (±{metres} m): ask the caller where exactly, then type the place. {rest}</source>
            <translation>Approximate (±{metres} m): ask the caller where exactly, then type the place. {rest}</translation>
        </message>
        <message>
            <location line="+80" />
            <source>No incident type matches “{text}”.</source>
            <translation>No incident type matches “{text}”.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Not police business: belongs to {department}. Create it, then transfer it (F7).</source>
            <translation>Not police business: belongs to {department}. Create it, then transfer it (F7).</translation>
        </message>
        <message>
            <location line="+8" />
            <source>with {department}</source>
            <translation>with {department}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>rapid-response team first</source>
            <translation>rapid-response team first</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_drafts.py" line="+72" />
            <source>The call you were taking when the desk stopped (saved at %1) is back. Finish it, or discard it.</source>
            <translation>The call you were taking when the desk stopped (saved at %1) is back. Finish it, or discard it.</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_duplicates.py" line="+67" />
            <source>Possible duplicates</source>
            <translation>Possible duplicates</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 · %2 · %3 away · %4 ago · %5</source>
            <translation>%1 · %2 · %3 away · %4 ago · %5</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Not a duplicate (Alt+D)</source>
            <translation>Not a duplicate (Alt+D)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Will be recorded as a duplicate of %1 and closed.</source>
            <translation>Will be recorded as a duplicate of %1 and closed.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Mark as duplicate of %1 (Alt+D)</source>
            <translation>Mark as duplicate of %1 (Alt+D)</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_sending.py" line="+59" />
            <source>Check the marked fields.</source>
            <translation>Check the marked fields.</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Sending %1…</source>
            <translation>Sending %1…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No answer from the hub yet: %1 is queued and goes out as soon as the link is back. Nothing is lost; you can take the next call.</source>
            <translation>No answer from the hub yet: %1 is queued and goes out as soon as the link is back. Nothing is lost; you can take the next call.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The hub refused the incident: %1</source>
            <translation>The hub refused the incident: %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not sent (%1). Nothing is lost: press Ctrl+Enter to try again.</source>
            <translation>Not sent (%1). Nothing is lost: press Ctrl+Enter to try again.</translation>
        </message>
        <message>
            <location line="+50" />
            <source>%1, queued earlier, has been accepted by the hub.</source>
            <translation>%1, queued earlier, has been accepted by the hub.</translation>
        </message>
        <message>
            <location line="-27" />
            <source>%1, queued earlier, was refused: %2. Reopen it to correct and send it again.</source>
            <translation>%1, queued earlier, was refused: %2. Reopen it to correct and send it again.</translation>
        </message>
        <message>
            <location line="-9" />
            <source>%1 recorded as a duplicate of %2.</source>
            <translation>%1 recorded as a duplicate of %2.</translation>
        </message>
        <message>
            <location line="-7" />
            <source>%1 created.</source>
            <translation>%1 created.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>The duplicate could not be closed: %1</source>
            <translation>The duplicate could not be closed: %1</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Finish or discard the call in the form first.</source>
            <translation>Finish or discard the call in the form first.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Reopen the refused incident (%1 waiting)</source>
            <translation>Reopen the refused incident (%1 waiting)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Enter the caller's number (a walk-in or officer report needs none).</source>
            <translation>Enter the caller's number (a walk-in or officer report needs none).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enter the caller's number: 3 to 20 digits.</source>
            <translation>Enter the caller's number: 3 to 20 digits.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pick a place from the list or click the map.</source>
            <translation>Pick a place from the list or click the map.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the address.</source>
            <translation>Enter the address.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose an incident type from the list.</source>
            <translation>Choose an incident type from the list.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>At most 2000 characters.</source>
            <translation>At most 2000 characters.</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_advice.py" line="+106" />
            <source>Take the advice shown under the description (police or not, and whose)</source>
            <translation>Take the advice shown under the description (police or not, and whose)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Take ({key})</source>
            <translation>Take ({key})</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Taken: {verdict}</source>
            <translation>Taken: {verdict}</translation>
        </message>
        <message>
            <source>Advice: {verdict}, {confidence:.0%} sure — {reason}</source>
            <translation>Advice: {verdict}, {confidence:.0%} sure — {reason}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Advice ({source}): {verdict}, {confidence:.0%} sure — {reason}</source>
            <translation>Advice ({source}): {verdict}, {confidence:.0%} sure — {reason}</translation>
        </message>
        <message>
            <location line="+28" />
            <source>police business</source>
            <translation>police business</translation>
        </message>
        <message>
            <location line="+1" />
            <source>refer to {department}, not police business</source>
            <translation>refer to {department}, not police business</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="+125" />
            <source>LANGUAGE_CODE</source>
            <translation>en</translation>
        </message>
    </context>
    <context>
        <name>LinkBanner</name>
        <message>
            <location filename="../../dispatch_desktop/ui/link_banner.py" line="+77" />
            <source>No link to the hub for {elapsed} (since {time}): the map, the queue and the units may be out of date. What you send now is queued and goes out when the link is back.</source>
            <translation>No link to the hub for {elapsed} (since {time}): the map, the queue and the units may be out of date. What you send now is queued and goes out when the link is back.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../dispatch_desktop/ui/main_window.py" line="+169" />
            <location filename="../../dispatch_desktop/ui/workstation.py" line="+187" />
            <source>Dispatch Desktop</source>
            <translation>Dispatch Desktop</translation>
        </message>
        <message>
            <location line="+15" />
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reset layout</source>
            <translation>Reset layout</translation>
        </message>
    </context>
    <context>
        <name>MapLayers</name>
        <message>
            <location filename="../../dispatch_desktop/ui/map/texts.py" line="+12" />
            <source>Districts</source>
            <translation>Districts</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Police stations and their areas</source>
            <translation>Police stations and their areas</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Emergency patrol areas</source>
            <translation>Emergency patrol areas</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incidents</source>
            <translation>Incidents</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patrol groups</source>
            <translation>Patrol groups</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rapid-response teams</source>
            <translation>Rapid-response teams</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Traffic police and station cars</source>
            <translation>Traffic police and station cars</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Duty points</source>
            <translation>Duty points</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Checkpoints</source>
            <translation>Checkpoints</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cameras</source>
            <translation>Cameras</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Units</source>
            <translation>Units</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incidents by priority</source>
            <translation>Incidents by priority</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{n} incidents here: click to zoom in</source>
            <translation>{n} incidents here: click to zoom in</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Layers</source>
            <translation>Layers</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show or hide map layers (click again or Esc to close)</source>
            <translation>Show or hide map layers (click again or Esc to close)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Legend</source>
            <translation>Legend</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What the symbols mean (click again or Esc to close)</source>
            <translation>What the symbols mean (click again or Esc to close)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shape: kind of unit</source>
            <translation>Shape: kind of unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Colour: status</source>
            <translation>Colour: status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SOS: officer needs help</source>
            <translation>SOS: officer needs help</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No report for over {limit}: last known position</source>
            <translation>No report for over {limit}: last known position</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last report {age} ago</source>
            <translation>Last report {age} ago</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No report received yet</source>
            <translation>No report received yet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{n} min</source>
            <translation>{n} min</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{n} s</source>
            <translation>{n} s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incidents by type</source>
            <translation>Incidents by type</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Several incidents close together (colour of the most urgent)</source>
            <translation>Several incidents close together (colour of the most urgent)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On the map</source>
            <translation>On the map</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Selected unit or incident</source>
            <translation>Selected unit or incident</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incident just located</source>
            <translation>Incident just located</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Police station</source>
            <translation>Police station</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Police station's area</source>
            <translation>Police station's area</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Critical: rapid response</source>
            <translation>Critical: rapid response</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Violence against people</source>
            <translation>Violence against people</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Theft, burglary, fraud</source>
            <translation>Theft, burglary, fraud</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Traffic</source>
            <translation>Traffic</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Public order and other</source>
            <translation>Public order and other</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not police business (another department)</source>
            <translation>Not police business (another department)</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/map/layer_menu.py" line="+50" />
            <source>Map layers</source>
            <translation>Map layers</translation>
        </message>
    </context>
    <context>
        <name>MapView</name>
        <message>
            <location filename="../../dispatch_desktop/ui/map/view.py" line="+169" />
            <source>The map could not be loaded</source>
            <translation>The map could not be loaded</translation>
        </message>
    </context>
    <context>
        <name>Mode</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="-113" />
            <source>Live</source>
            <translation>Live</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Simulation</source>
            <translation>Simulation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drill</source>
            <translation>Drill</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Replay</source>
            <translation>Replay</translation>
        </message>
    </context>
    <context>
        <name>Outbox</name>
        <message>
            <location filename="../../dispatch_desktop/ui/models/outbox_model.py" line="+19" />
            <source>Given at</source>
            <translation>Given at</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command</source>
            <translation>Command</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tries</source>
            <translation>Tries</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sending…</source>
            <translation>Sending…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Queued: no answer from the hub yet, retrying</source>
            <translation>Queued: no answer from the hub yet, retrying</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Held from before the restart: send again or withdraw</source>
            <translation>Held from before the restart: send again or withdraw</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/panels/outbox_panel.py" line="+62" />
            <source>Send held commands again</source>
            <translation>Send held commands again</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Withdraw selected</source>
            <translation>Withdraw selected</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop retrying: the command will not be sent again</source>
            <translation>Stop retrying: the command will not be sent again</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Outbox</source>
            <translation>Outbox</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Outbox ({count})</source>
            <translation>Outbox ({count})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{held} command(s) were not confirmed by the hub before the desk stopped. Check them, then send them again as they were, or withdraw them.</source>
            <translation>{held} command(s) were not confirmed by the hub before the desk stopped. Check them, then send them again as they were, or withdraw them.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{waiting} command(s) wait for the hub's answer; they are sent again until it answers. You can keep working.</source>
            <translation>{waiting} command(s) wait for the hub's answer; they are sent again until it answers. You can keep working.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Everything sent has been answered by the hub.</source>
            <translation>Everything sent has been answered by the hub.</translation>
        </message>
    </context>
    <context>
        <name>Plugins</name>
        <message>
            <location filename="../../dispatch_desktop/ui/plugins/error_view.py" line="+26" />
            <source>activate hook</source>
            <translation>activate hook</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deactivate hook</source>
            <translation>deactivate hook</translation>
        </message>
        <message>
            <location line="+1" />
            <source>event listener</source>
            <translation>event listener</translation>
        </message>
        <message>
            <location line="+1" />
            <source>change listener</source>
            <translation>change listener</translation>
        </message>
        <message>
            <location line="+1" />
            <source>event schemas</source>
            <translation>event schemas</translation>
        </message>
        <message>
            <location line="+1" />
            <source>hook registration</source>
            <translation>hook registration</translation>
        </message>
        <message>
            <location line="+1" />
            <source>settings schema</source>
            <translation>settings schema</translation>
        </message>
        <message>
            <location line="+1" />
            <source>translations</source>
            <translation>translations</translation>
        </message>
        <message>
            <location line="+3" />
            <source>import of {id}</source>
            <translation>import of {id}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>panel {id}</source>
            <translation>panel {id}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>map layer {id}</source>
            <translation>map layer {id}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>incident action {id}</source>
            <translation>incident action {id}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>enabled check of {id}</source>
            <translation>enabled check of {id}</translation>
        </message>
        <message>
            <location line="+27" />
            <source>held the desk for {held} ms (the limit is {limit} ms)</source>
            <translation>held the desk for {held} ms (the limit is {limit} ms)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{place}: {message}</source>
            <translation>{place}: {message}</translation>
        </message>
        <message>
            <location line="+32" />
            <source>The same traceback as above.</source>
            <translation>The same traceback as above.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The plugin {name} was stopped for this session; the desk goes on without it. Re-enable it in Settings → Plugins after it was fixed.</source>
            <translation>The plugin {name} was stopped for this session; the desk goes on without it. Re-enable it in Settings → Plugins after it was fixed.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The plugin {name} had errors.</source>
            <translation>The plugin {name} had errors.</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/plugins/host.py" line="+239" />
            <source>The plugin {name} is disabled. Enable it in Settings → Plugins; it starts at the next start.</source>
            <translation>The plugin {name} is disabled. Enable it in Settings → Plugins; it starts at the next start.</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/plugins/manager.py" line="+43" />
            <source>Enabled</source>
            <translation>Enabled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disabled by you</source>
            <translation>Disabled by you</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disabled: crashed the last start</source>
            <translation>Disabled: crashed the last start</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not for this desk's API</source>
            <translation>Not for this desk's API</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Broken manifest</source>
            <translation>Broken manifest</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No longer installed</source>
            <translation>No longer installed</translation>
        </message>
        <message>
            <location line="+4" />
            <source>You disabled it. Enable it here, or with 'dispatch-desktop plugins enable {id}'.</source>
            <translation>You disabled it. Enable it here, or with 'dispatch-desktop plugins enable {id}'.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The desk stopped unexpectedly while starting it at the last start, so it was disabled. Enable it again once it was fixed.</source>
            <translation>The desk stopped unexpectedly while starting it at the last start, so it was disabled. Enable it again once it was fixed.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>It supports the plugin API {api}; this desk offers {version}. Install a version of the plugin made for it.</source>
            <translation>It supports the plugin API {api}; this desk offers {version}. Install a version of the plugin made for it.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Its manifest has errors; whoever maintains the plugin can fix them:</source>
            <translation>Its manifest has errors; whoever maintains the plugin can fix them:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>It is no longer installed; your choice is kept in case it comes back.</source>
            <translation>It is no longer installed; your choice is kept in case it comes back.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Running</source>
            <translation>Running</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stopped after errors</source>
            <translation>Stopped after errors</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not started (safe mode)</source>
            <translation>Not started (safe mode)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Starts at the next start</source>
            <translation>Starts at the next start</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Plugin</source>
            <translation>Plugin</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Id</source>
            <translation>Id</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <location line="+0" />
            <source>API</source>
            <translation>API</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Errors</source>
            <translation>Errors</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Safe mode: no plugin was started. Your choices here apply from the next start.</source>
            <translation>Safe mode: no plugin was started. Your choices here apply from the next start.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Safe mode: no plugin was started. Start the desk without --safe-mode to see and change the plugins.</source>
            <translation>Safe mode: no plugin was started. Start the desk without --safe-mode to see and change the plugins.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enable</source>
            <translation>Enable</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Disable</source>
            <translation>Disable</translation>
        </message>
        <message>
            <location line="+128" />
            <source>Package: {name} {version}</source>
            <translation>Package: {name} {version}</translation>
        </message>
        <message>
            <location line="+42" />
            <source>It starts at the next start of the desk.</source>
            <translation>It starts at the next start of the desk.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Stopped; it stays off at the next start.</source>
            <translation>Stopped; it stays off at the next start.</translation>
        </message>
        <message>
            <location line="-203" />
            <location filename="../../dispatch_desktop/ui/plugins/startup.py" line="+116" />
            <source>Plugins</source>
            <translation>Plugins</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/plugins/startup.py" line="+42" />
            <source>The plugin {name} was being started when the desk stopped unexpectedly last time, so it is disabled. Re-enable it in Settings → Plugins.</source>
            <translation>The plugin {name} was being started when the desk stopped unexpectedly last time, so it is disabled. Re-enable it in Settings → Plugins.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Plugin {name}: {error}</source>
            <translation>Plugin {name}: {error}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The plugin {name} was stopped for this session after errors ({error}); the desk goes on without it. Its panel shows what went wrong.</source>
            <translation>The plugin {name} was stopped for this session after errors ({error}); the desk goes on without it. Its panel shows what went wrong.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The plugins' earlier records could not be read from the hub: {why}</source>
            <translation>The plugins' earlier records could not be read from the hub: {why}</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/plugins/advice.py" line="+31" />
            <source>gave a {kind}, not an IntakeAdvice</source>
            <translation>gave a {kind}, not an IntakeAdvice</translation>
        </message>
    </context>
    <context>
        <name>PracticeHour</name>
        <message>
            <source>Writing a practice hour: a simulated Guangzhou evening, 1,100 patrol groups…</source>
            <translation>Writing a practice hour: a simulated Guangzhou evening, 1,100 patrol groups…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Practice hour</source>
            <translation>Practice hour</translation>
        </message>
        <message>
            <source>Writing a practice hour: {events:,} events so far ({percent:.0f} %)…</source>
            <translation>Writing a practice hour: {events:,} events so far ({percent:.0f} %)…</translation>
        </message>
        <message>
            <source>The practice hour could not be written: {reason}</source>
            <translation>The practice hour could not be written: {reason}</translation>
        </message>
        <message>
            <source>Cancelled: no practice hour was kept.</source>
            <translation>Cancelled: no practice hour was kept.</translation>
        </message>
    </context>
    <context>
        <name>Priority</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="+9" />
            <source>P1 critical</source>
            <translation>P1 critical</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P2 urgent</source>
            <translation>P2 urgent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P3 routine</source>
            <translation>P3 routine</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P4 low</source>
            <translation>P4 low</translation>
        </message>
    </context>
    <context>
        <name>Refusal</name>
        <message>
            <source>Drill {running} is running: end it before starting drill {drill}.</source>
            <translation>Drill {running} is running: end it before starting drill {drill}.</translation>
        </message>
        <message>
            <source>Drill {drill} is not running, so it cannot be ended.</source>
            <translation>Drill {drill} is not running, so it cannot be ended.</translation>
        </message>
        <message>
            <source>Unit {unit} cannot be enrolled in drill {drill}: it is not on the roster.</source>
            <translation>Unit {unit} cannot be enrolled in drill {drill}: it is not on the roster.</translation>
        </message>
        <message>
            <source>Unit {unit} is {status}, not available: it cannot be enrolled in drill {drill}.</source>
            <translation>Unit {unit} is {status}, not available: it cannot be enrolled in drill {drill}.</translation>
        </message>
        <message>
            <source>Simulated unit {unit} of drill {drill} has the id of a real unit: give the simulated unit another id.</source>
            <translation>Simulated unit {unit} of drill {drill} has the id of a real unit: give the simulated unit another id.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Unit {unit} is not on the roster.</source>
            <translation>Unit {unit} is not on the roster.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incident {incident} does not exist.</source>
            <translation>Incident {incident} does not exist.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incident {incident} already exists.</source>
            <translation>Incident {incident} already exists.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incident {incident} is already {status}; it cannot be changed.</source>
            <translation>Incident {incident} is already {status}; it cannot be changed.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unit {unit} is {status}, not available: it cannot be dispatched.</source>
            <translation>Unit {unit} is {status}, not available: it cannot be dispatched.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unit {unit} is already assigned to incident {incident}.</source>
            <translation>Unit {unit} is already assigned to incident {incident}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unit {unit} is not assigned to incident {incident}.</source>
            <translation>Unit {unit} is not assigned to incident {incident}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit {unit} is {status}; there is no dispatch to acknowledge.</source>
            <translation>Unit {unit} is {status}; there is no dispatch to acknowledge.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unit {unit} is {status}; it cannot arrive at incident {incident}.</source>
            <translation>Unit {unit} is {status}; it cannot arrive at incident {incident}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unit {unit} is {status}, not on scene at incident {incident}.</source>
            <translation>Unit {unit} is {status}, not on scene at incident {incident}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unit {unit} cannot be set to {status} by hand: dispatched, en route and on scene follow from dispatch, acknowledgement and arrival.</source>
            <translation>Unit {unit} cannot be set to {status} by hand: dispatched, en route and on scene follow from dispatch, acknowledgement and arrival.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Unit {unit} is working incident {incident}: clear or recall it before changing its status.</source>
            <translation>Unit {unit} is working incident {incident}: clear or recall it before changing its status.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Unit {unit} cannot go from {from_status} to {to_status}.</source>
            <translation>Unit {unit} cannot go from {from_status} to {to_status}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Incident {incident} cannot go from {from_status} to {to_status}.</source>
            <translation>Incident {incident} cannot go from {from_status} to {to_status}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Incident {incident} still has units assigned ({units}): recall or clear them first.</source>
            <translation>Incident {incident} still has units assigned ({units}): recall or clear them first.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Incident {incident} is {status}: only an undispatched incident can be referred.</source>
            <translation>Incident {incident} is {status}: only an undispatched incident can be referred.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Incident {incident} is marked duplicate of {duplicate_of}, which does not exist.</source>
            <translation>Incident {incident} is marked duplicate of {duplicate_of}, which does not exist.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Order {order} is not pending for unit {unit}.</source>
            <translation>Order {order} is not pending for unit {unit}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit {unit} has no emergency to acknowledge.</source>
            <translation>Unit {unit} has no emergency to acknowledge.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call {call} has already been offered.</source>
            <translation>Call {call} has already been offered.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call {call} is not on the lines: it is over, or it never rang.</source>
            <translation>Call {call} is not on the lines: it is over, or it never rang.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call {call} has already been answered at workstation {workstation}.</source>
            <translation>Call {call} has already been answered at workstation {workstation}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Call {call} was not answered at this workstation.</source>
            <translation>Call {call} was not answered at this workstation.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{count} more refusals of {unit} within a minute were answered but not stored.</source>
            <translation>{count} more refusals of {unit} within a minute were answered but not stored.</translation>
        </message>
    </context>
    <context>
        <name>ReplayBar</name>
        <message>
            <source>DRILL REPLAY · {drill} · read-only · {time} · {speed}</source>
            <translation>DRILL REPLAY · {drill} · read-only · {time} · {speed}</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>To the start (Home)</source>
            <translation>To the start (Home)</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>Previous</translation>
        </message>
        <message>
            <source>Previous event (←)</source>
            <translation>Previous event (←)</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>Next event (→)</source>
            <translation>Next event (→)</translation>
        </message>
        <message>
            <source>End</source>
            <translation>End</translation>
        </message>
        <message>
            <source>To the end (End)</source>
            <translation>To the end (End)</translation>
        </message>
        <message>
            <source>Slower</source>
            <translation>Slower</translation>
        </message>
        <message>
            <source>Slower ([)</source>
            <translation>Slower ([)</translation>
        </message>
        <message>
            <source>Faster</source>
            <translation>Faster</translation>
        </message>
        <message>
            <source>Faster (])</source>
            <translation>Faster (])</translation>
        </message>
        <message>
            <source>Bookmark</source>
            <translation>Bookmark</translation>
        </message>
        <message>
            <source>Mark this instant (B)</source>
            <translation>Mark this instant (B)</translation>
        </message>
        <message>
            <source>Follow</source>
            <translation>Follow</translation>
        </message>
        <message>
            <source>Keep the followed incident&apos;s units in view and draw their tracks (F)</source>
            <translation>Keep the followed incident&apos;s units in view and draw their tracks (F)</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>Export the followed incident&apos;s record: report, event log, tracks (Ctrl+E)</source>
            <translation>Export the followed incident&apos;s record: report, event log, tracks (Ctrl+E)</translation>
        </message>
        <message>
            <source>Playback speed ([ slower, ] faster)</source>
            <translation>Playback speed ([ slower, ] faster)</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Play</translation>
        </message>
        <message>
            <source>Pause (Space)</source>
            <translation>Pause (Space)</translation>
        </message>
        <message>
            <source>Play (Space)</source>
            <translation>Play (Space)</translation>
        </message>
        <message>
            <source>REPLAY · read-only · {time} · {speed}</source>
            <translation>REPLAY · read-only · {time} · {speed}</translation>
        </message>
    </context>
    <context>
        <name>ReplayDesk</name>
        <message>
            <source>drill {drill}</source>
            <translation>drill {drill}</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Timeline</translation>
        </message>
        <message>
            <source>Incident statistics</source>
            <translation>Incident statistics</translation>
        </message>
        <message>
            <source>{start} – {end}</source>
            <translation>{start} – {end}</translation>
        </message>
        <message>
            <source>Replay (read-only) — {what} — Dispatch Desktop</source>
            <translation>Replay (read-only) — {what} — Dispatch Desktop</translation>
        </message>
        <message>
            <source>This instant could not be read from the log: {reason}</source>
            <translation>This instant could not be read from the log: {reason}</translation>
        </message>
        <message>
            <source>No event further that way.</source>
            <translation>No event further that way.</translation>
        </message>
        <message>
            <source>Bookmark {n}</source>
            <translation>Bookmark {n}</translation>
        </message>
        <message>
            <source>{label} at {time}</source>
            <translation>{label} at {time}</translation>
        </message>
        <message>
            <source>Follow an incident first (select it, with Follow on): its record is what is exported.</source>
            <translation>Follow an incident first (select it, with Follow on): its record is what is exported.</translation>
        </message>
    </context>
    <context>
        <name>ReplayExport</name>
        <message>
            <source>HTML report, opens offline in any browser (*.html)</source>
            <translation>HTML report, opens offline in any browser (*.html)</translation>
        </message>
        <message>
            <source>PDF report (*.pdf)</source>
            <translation>PDF report (*.pdf)</translation>
        </message>
        <message>
            <source>Event log, CSV for Excel (*.csv)</source>
            <translation>Event log, CSV for Excel (*.csv)</translation>
        </message>
        <message>
            <source>Unit tracks, KML for Google Earth (*.kml)</source>
            <translation>Unit tracks, KML for Google Earth (*.kml)</translation>
        </message>
        <message>
            <source>Unit tracks, GPX (*.gpx)</source>
            <translation>Unit tracks, GPX (*.gpx)</translation>
        </message>
        <message>
            <source>Export the record</source>
            <translation>Export the record</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>Incident</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Copy SHA-256</source>
            <translation>Copy SHA-256</translation>
        </message>
        <message>
            <source>Give the file to write.</source>
            <translation>Give the file to write.</translation>
        </message>
        <message>
            <source>Writing {file}…</source>
            <translation>Writing {file}…</translation>
        </message>
        <message>
            <source>Cancelled: nothing was written.</source>
            <translation>Cancelled: nothing was written.</translation>
        </message>
        <message>
            <source>Written {path} ({size:,} bytes).
SHA-256 {sha256}
The export is recorded in the log (event {gseq}).</source>
            <translation>Written {path} ({size:,} bytes).
SHA-256 {sha256}
The export is recorded in the log (event {gseq}).</translation>
        </message>
        <message>
            <source>Exported {file}, SHA-256 {sha256}</source>
            <translation>Exported {file}, SHA-256 {sha256}</translation>
        </message>
        <message>
            <source>Not exported: the file could not be written. Choose a folder that exists, that you may write to and that has free space; nothing was recorded.</source>
            <translation>Not exported: the file could not be written. Choose a folder that exists, that you may write to and that has free space; nothing was recorded.</translation>
        </message>
        <message>
            <source>Not exported: the export could not be recorded in the event log, so no file was kept. Check that the database is reachable and writable, then try again.</source>
            <translation>Not exported: the export could not be recorded in the event log, so no file was kept. Check that the database is reachable and writable, then try again.</translation>
        </message>
        <message>
            <source>Not exported: the record could not be rendered.</source>
            <translation>Not exported: the record could not be rendered.</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
    </context>
    <context>
        <name>ReplayFollow</name>
        <message>
            <source>Tracks of the followed units</source>
            <translation>Tracks of the followed units</translation>
        </message>
        <message>
            <source>a unit&apos;s track</source>
            <translation>a unit&apos;s track</translation>
        </message>
        <message>
            <source>the incident</source>
            <translation>the incident</translation>
        </message>
    </context>
    <context>
        <name>ReplayLauncher</name>
        <message>
            <source>The log holds no drill {drill}.</source>
            <translation>The log holds no drill {drill}.</translation>
        </message>
        <message>
            <source>Replay a practice hour (simulated)…</source>
            <translation>Replay a practice hour (simulated)…</translation>
        </message>
        <message>
            <source>A simulated Guangzhou evening hour, written once beside your log, to try the replay on</source>
            <translation>A simulated Guangzhou evening hour, written once beside your log, to try the replay on</translation>
        </message>
        <message>
            <source>There is no event log at {url}: start the desk with --db pointing at the hub&apos;s log to replay it.</source>
            <translation>There is no event log at {url}: start the desk with --db pointing at the hub&apos;s log to replay it.</translation>
        </message>
        <message>
            <source>The event log holds no events yet: there is nothing to replay.</source>
            <translation>The event log holds no events yet: there is nothing to replay.</translation>
        </message>
        <message>
            <source>The log holds no incident {incident}.</source>
            <translation>The log holds no incident {incident}.</translation>
        </message>
        <message>
            <source>The log runs from {first} to {last}; the time asked lies outside it.</source>
            <translation>The log runs from {first} to {last}; the time asked lies outside it.</translation>
        </message>
        <message>
            <source>Replay a time range</source>
            <translation>Replay a time range</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Replay this incident</source>
            <translation>Replay this incident</translation>
        </message>
        <message>
            <source>&amp;Replay</source>
            <translation>&amp;Replay</translation>
        </message>
        <message>
            <source>Replay a time range…</source>
            <translation>Replay a time range…</translation>
        </message>
        <message>
            <source>Opening the replay…</source>
            <translation>Opening the replay…</translation>
        </message>
        <message>
            <source>The replay could not open the log: {reason}</source>
            <translation>The replay could not open the log: {reason}</translation>
        </message>
    </context>
    <context>
        <name>ReplayStatistics</name>
        <message>
            <source>110 call</source>
            <translation>110 call</translation>
        </message>
        <message>
            <source>created</source>
            <translation>created</translation>
        </message>
        <message>
            <source>dispatched</source>
            <translation>dispatched</translation>
        </message>
        <message>
            <source>acknowledged</source>
            <translation>acknowledged</translation>
        </message>
        <message>
            <source>arrived</source>
            <translation>arrived</translation>
        </message>
        <message>
            <source>cleared</source>
            <translation>cleared</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>closed</translation>
        </message>
        <message>
            <source>call → dispatch</source>
            <translation>call → dispatch</translation>
        </message>
        <message>
            <source>dispatch → arrival</source>
            <translation>dispatch → arrival</translation>
        </message>
        <message>
            <source>arrival → clearance</source>
            <translation>arrival → clearance</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>Phase</translation>
        </message>
        <message>
            <source>Took</source>
            <translation>Took</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Step</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Driven</source>
            <translation>Driven</translation>
        </message>
        <message>
            <source>On scene</source>
            <translation>On scene</translation>
        </message>
        <message>
            <source>Silences left out</source>
            <translation>Silences left out</translation>
        </message>
        <message>
            <source>Follow an incident to see how long each step took.</source>
            <translation>Follow an incident to see how long each step took.</translation>
        </message>
        <message>
            <source>{incident} · {type} · {priority}</source>
            <translation>{incident} · {type} · {priority}</translation>
        </message>
        <message>
            <source>within target</source>
            <translation>within target</translation>
        </message>
        <message>
            <source>near target</source>
            <translation>near target</translation>
        </message>
        <message>
            <source>over target</source>
            <translation>over target</translation>
        </message>
        <message>
            <source>not reached</source>
            <translation>not reached</translation>
        </message>
        <message>
            <source>{km:.1f} km</source>
            <translation>{km:.1f} km</translation>
        </message>
    </context>
    <context>
        <name>ReplayTimeline</name>
        <message>
            <source>Supervision order issued</source>
            <translation>Supervision order issued</translation>
        </message>
        <message>
            <source>Camera status (drill)</source>
            <translation>Camera status (drill)</translation>
        </message>
        <message>
            <source>Call rang</source>
            <translation>Call rang</translation>
        </message>
        <message>
            <source>Call answered</source>
            <translation>Call answered</translation>
        </message>
        <message>
            <source>Call ended</source>
            <translation>Call ended</translation>
        </message>
        <message>
            <source>Call closed without an incident</source>
            <translation>Call closed without an incident</translation>
        </message>
        <message>
            <source>Order delivered to the handset</source>
            <translation>Order delivered to the handset</translation>
        </message>
        <message>
            <source>Plugin event</source>
            <translation>Plugin event</translation>
        </message>
        <message>
            <source>Record exported</source>
            <translation>Record exported</translation>
        </message>
        <message>
            <source>On the 110 call</source>
            <translation>On the 110 call</translation>
        </message>
        <message>
            <source>{status}, {start} to {end} ({duration})</source>
            <translation>{status}, {start} to {end} ({duration})</translation>
        </message>
        <message>
            <source>New incidents</source>
            <translation>New incidents</translation>
        </message>
        <message>
            <source>How many incidents were created in each stretch of time: click to go there</source>
            <translation>How many incidents were created in each stretch of time: click to go there</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <source>Monthly station review</source>
            <translation>Monthly station review</translation>
        </message>
        <message>
            <source> (running)</source>
            <translation> (running)</translation>
        </message>
        <message>
            <source>Read the log again</source>
            <translation>Read the log again</translation>
        </message>
        <message>
            <source>Month:</source>
            <translation>Month:</translation>
        </message>
        <message>
            <source>Select a station to draft its supervision order.</source>
            <translation>Select a station to draft its supervision order.</translation>
        </message>
        <message>
            <source>Order number</source>
            <translation>Order number</translation>
        </message>
        <message>
            <source>Order (Chinese, as issued)</source>
            <translation>Order (Chinese, as issued)</translation>
        </message>
        <message>
            <source>English rendering</source>
            <translation>English rendering</translation>
        </message>
        <message>
            <source>Number:</source>
            <translation>Number:</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <source>Issue…</source>
            <translation>Issue…</translation>
        </message>
        <message>
            <source>The log could not be read: {error}</source>
            <translation>The log could not be read: {error}</translation>
        </message>
        <message>
            <source>{month} is not complete in the log (it holds it until {until}): the figures are partial, and no order is issued on it.</source>
            <translation>{month} is not complete in the log (it holds it until {until}): the figures are partial, and no order is issued on it.</translation>
        </message>
        <message>
            <source>The log does not hold {month} whole: no month-on-month figures.</source>
            <translation>The log does not hold {month} whole: no month-on-month figures.</translation>
        </message>
        <message>
            <source>The log does not reach back to {month}: no year-on-year figures.</source>
            <translation>The log does not reach back to {month}: no year-on-year figures.</translation>
        </message>
        <message>
            <source>The supervision order template cannot be used: {problem}</source>
            <translation>The supervision order template cannot be used: {problem}</translation>
        </message>
        <message>
            <source>Supervision order to {station} ({district}), rank {rank}</source>
            <translation>Supervision order to {station} ({district}), rank {rank}</translation>
        </message>
        <message>
            <source>Already issued: {number}, {time}, by {operator}.</source>
            <translation>Already issued: {number}, {time}, by {operator}.</translation>
        </message>
        <message>
            <source>This desk is not connected to a hub.</source>
            <translation>This desk is not connected to a hub.</translation>
        </message>
        <message>
            <source>Select a station.</source>
            <translation>Select a station.</translation>
        </message>
        <message>
            <source>The month is not complete: a supervision order is issued on a whole month.</source>
            <translation>The month is not complete: a supervision order is issued on a whole month.</translation>
        </message>
        <message>
            <source>Waiting for the hub&apos;s answer.</source>
            <translation>Waiting for the hub&apos;s answer.</translation>
        </message>
        <message>
            <source>The order needs a number and a text.</source>
            <translation>The order needs a number and a text.</translation>
        </message>
        <message>
            <source>Issue {number} to {station}? It goes into the event log and cannot be withdrawn.</source>
            <translation>Issue {number} to {station}? It goes into the event log and cannot be withdrawn.</translation>
        </message>
        <message>
            <source>Issue the supervision order?</source>
            <translation>Issue the supervision order?</translation>
        </message>
        <message>
            <source>Issued {number}: recorded in the event log (gseq {gseq}), SHA-256 {sha256}.</source>
            <translation>Issued {number}: recorded in the event log (gseq {gseq}), SHA-256 {sha256}.</translation>
        </message>
        <message>
            <source>Not issued: {reason}</source>
            <translation>Not issued: {reason}</translation>
        </message>
        <message>
            <source>Export the order as PDF</source>
            <translation>Export the order as PDF</translation>
        </message>
        <message>
            <source>The PDF could not be written to {path}: {error}. Choose a folder you may write to.</source>
            <translation>The PDF could not be written to {path}: {error}. Choose a folder you may write to.</translation>
        </message>
        <message>
            <source>Written: {path}</source>
            <translation>Written: {path}</translation>
        </message>
        <message>
            <source>Supervision orders are issued from a supervisor&apos;s or a commander&apos;s desk; this desk drafts and exports them.</source>
            <translation>Supervision orders are issued from a supervisor&apos;s or a commander&apos;s desk; this desk drafts and exports them.</translation>
        </message>
        <message>
            <source>Monthly station review…</source>
            <translation>Monthly station review…</translation>
        </message>
        <message>
            <source>Every station&apos;s incidents month-on-month and year-on-year, ranked; the supervision order for the largest rises</source>
            <translation>Every station&apos;s incidents month-on-month and year-on-year, ranked; the supervision order for the largest rises</translation>
        </message>
        <message>
            <source>The review reads the event log&apos;s database, which this desk does not have (its hub runs elsewhere): run &apos;dispatch-desktop analytics review&apos; where it is.</source>
            <translation>The review reads the event log&apos;s database, which this desk does not have (its hub runs elsewhere): run &apos;dispatch-desktop analytics review&apos; where it is.</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>Rank</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>Station</translation>
        </message>
        <message>
            <source>District bureau</source>
            <translation>District bureau</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>This month</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>Last month</translation>
        </message>
        <message>
            <source>MoM</source>
            <translation>MoM</translation>
        </message>
        <message>
            <source>Same month
last year</source>
            <translation>Same month
last year</translation>
        </message>
        <message>
            <source>YoY</source>
            <translation>YoY</translation>
        </message>
        <message>
            <source>Order
issued</source>
            <translation>Order
issued</translation>
        </message>
        <message>
            <source>One of the two largest rises: a supervision order is due</source>
            <translation>One of the two largest rises: a supervision order is due</translation>
        </message>
        <message>
            <source>The hub did not answer in time: the order may or may not be in the log. Refresh the review before issuing it again.</source>
            <translation>The hub did not answer in time: the order may or may not be in the log. Refresh the review before issuing it again.</translation>
        </message>
        <message>
            <source>The order could not be sent: {error}</source>
            <translation>The order could not be sent: {error}</translation>
        </message>
        <message>
            <source>The hub takes no commands from this desk&apos;s key (read-only).</source>
            <translation>The hub takes no commands from this desk&apos;s key (read-only).</translation>
        </message>
        <message>
            <source>The hub takes supervision orders from a supervisor&apos;s or a commander&apos;s desk only, and not while the desk shows a drill.</source>
            <translation>The hub takes supervision orders from a supervisor&apos;s or a commander&apos;s desk only, and not while the desk shows a drill.</translation>
        </message>
        <message>
            <source>The hub is of an older version that does not know supervision orders: upgrade it, then issue the order again.</source>
            <translation>The hub is of an older version that does not know supervision orders: upgrade it, then issue the order again.</translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <location filename="../../dispatch_desktop/ui/signin.py" line="+31" />
            <source>Dispatcher: takes calls and dispatches</source>
            <translation>Dispatcher: takes calls and dispatches</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shift commander: takes calls, dispatches and commands</source>
            <translation>Shift commander: takes calls, dispatches and commands</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor: sees everything, sends nothing (read-only)</source>
            <translation>Supervisor: sees everything, sends nothing (read-only)</translation>
        </message>
        <message>
            <location line="+60" />
            <source>Enter your name.</source>
            <translation>Enter your name.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A name has at most {n} characters.</source>
            <translation>A name has at most {n} characters.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The name contains control characters.</source>
            <translation>The name contains control characters.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter your badge number.</source>
            <translation>Enter your badge number.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A badge number is 3 to 20 letters, digits or dashes.</source>
            <translation>A badge number is 3 to 20 letters, digits or dashes.</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <location line="-54" />
            <source>Sign in — Dispatch Desktop</source>
            <translation>Sign in — Dispatch Desktop</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Workstation {workstation}</source>
            <translation>Workstation {workstation}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>e.g. 张伟</source>
            <translation>e.g. 张伟</translation>
        </message>
        <message>
            <location line="+3" />
            <source>e.g. 012345</source>
            <translation>e.g. 012345</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Badge number</source>
            <translation>&amp;Badge number</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <location filename="../../dispatch_desktop/ui/startup_progress.py" line="+20" />
            <source>Preparing the demo camera clips</source>
            <translation>Preparing the demo camera clips</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generating the city</source>
            <translation>Generating the city</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opening the event store</source>
            <translation>Opening the event store</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Starting the hub</source>
            <translation>Starting the hub</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reading this workstation's key</source>
            <translation>Reading this workstation's key</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ready</source>
            <translation>Ready</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Dispatch Desktop</source>
            <translation>Dispatch Desktop</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Starting…</source>
            <translation>Starting…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/startup_errors.py" line="+76" />
            <source>Dispatch Desktop cannot start</source>
            <translation>Dispatch Desktop cannot start</translation>
        </message>
    </context>
    <context>
        <name>StartupError</name>
        <message>
            <location line="-55" />
            <source>{store} is a directory, not an event store. It was not changed. Give --db the path of the database file (events.sqlite3) instead.</source>
            <translation>{store} is a directory, not an event store. It was not changed. Give --db the path of the database file (events.sqlite3) instead.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>You may not read {store}. It was not changed. Run Dispatch Desktop as the user who owns the file, or ask an administrator for access.</source>
            <translation>You may not read {store}. It was not changed. Run Dispatch Desktop as the user who owns the file, or ask an administrator for access.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{store} is not an SQLite database: it holds something else (overwritten, or --db names the wrong file). It was not changed. Check --db; if your event store was there, restore it from your backup.</source>
            <translation>{store} is not an SQLite database: it holds something else (overwritten, or --db names the wrong file). It was not changed. Check --db; if your event store was there, restore it from your backup.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{store} is cut short: {size} bytes, fewer than the {expected} it needs (an interrupted copy, a full disk?). It was not changed. Restore it from your backup, or run 'dispatch-desktop db check --db {url}' to see what is damaged.</source>
            <translation>{store} is cut short: {size} bytes, fewer than the {expected} it needs (an interrupted copy, a full disk?). It was not changed. Restore it from your backup, or run 'dispatch-desktop db check --db {url}' to see what is damaged.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{store} is damaged: the database reports "{detail}". It was not changed. Restore it from your backup, or run 'dispatch-desktop db check --db {url}' to see what is damaged.</source>
            <translation>{store} is damaged: the database reports "{detail}". It was not changed. Restore it from your backup, or run 'dispatch-desktop db check --db {url}' to see what is damaged.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{store} is an event store with parts missing ({missing}). It was not changed. Restore it from your backup, or run 'dispatch-desktop db check --db {url}' to see what is damaged.</source>
            <translation>{store} is an event store with parts missing ({missing}). It was not changed. Restore it from your backup, or run 'dispatch-desktop db check --db {url}' to see what is damaged.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{store} is another program's database, not an event store (it holds {tables}). It was not changed. Check --db: give an event store, or a new name for a new, empty one.</source>
            <translation>{store} is another program's database, not an event store (it holds {tables}). It was not changed. Check --db: give an event store, or a new name for a new, empty one.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{store} was written by a newer version of Dispatch Desktop (schema revision {revision}). It was not changed. Open it with that version, or update this one.</source>
            <translation>{store} was written by a newer version of Dispatch Desktop (schema revision {revision}). It was not changed. Open it with that version, or update this one.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The event store {store} could not be opened: {reason}</source>
            <translation>The event store {store} could not be opened: {reason}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This workstation ({workstation}) has no key for the hub ({reason}). On the hub machine run 'dispatch-desktop keys create --workstation {workstation} --role dispatcher', then copy private/{workstation}.key_secret and hub.key into {keys} (keeping private/).</source>
            <translation>This workstation ({workstation}) has no key for the hub ({reason}). On the hub machine run 'dispatch-desktop keys create --workstation {workstation} --role dispatcher', then copy private/{workstation}.key_secret and hub.key into {keys} (keeping private/).</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The hub's address cannot be used: {reason}</source>
            <translation>The hub's address cannot be used: {reason}</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <location filename="../../dispatch_desktop/ui/status_bar.py" line="+50" />
            <source>Safe mode: no plugins</source>
            <translation>Safe mode: no plugins</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Started with --safe-mode: no plugin runs. Settings → Plugins… lists them.</source>
            <translation>Started with --safe-mode: no plugin runs. Settings → Plugins… lists them.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>⏳ %n command(s) queued, retrying</source>
            <translation>⏳ %n command(s) queued, retrying</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%n held from before the restart</source>
            <translation>%n held from before the restart</translation>
        </message>
        <message>
            <location line="+2" />
            <source>See the Outbox panel</source>
            <translation>See the Outbox panel</translation>
        </message>
        <message>
            <location line="+6" />
            <source>● Hub connected</source>
            <translation>● Hub connected</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Events from the command center arrive live</source>
            <translation>Events from the command center arrive live</translation>
        </message>
        <message>
            <location line="+2" />
            <source>● Hub disconnected</source>
            <translation>● Hub disconnected</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No link to the command center: the picture may be out of date</source>
            <translation>No link to the command center: the picture may be out of date</translation>
        </message>
    </context>
    <context>
        <name>TimelineKind</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="-73" />
            <source>Incident created</source>
            <translation>Incident created</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reclassified</source>
            <translation>Reclassified</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit dispatched</source>
            <translation>Unit dispatched</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatch acknowledged</source>
            <translation>Dispatch acknowledged</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Arrived on scene</source>
            <translation>Arrived on scene</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared on scene</source>
            <translation>Cleared on scene</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit recalled</source>
            <translation>Unit recalled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referred</source>
            <translation>Referred</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Field record</source>
            <translation>Field record</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refused</source>
            <translation>Refused</translation>
        </message>
    </context>
    <context>
        <name>UnitBoard</name>
        <message>
            <location filename="../../dispatch_desktop/ui/models/unit_table.py" line="+25" />
            <source>Call sign</source>
            <translation>Call sign</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Station</source>
            <translation>Station</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incident</source>
            <translation>Incident</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last report</source>
            <translation>Last report</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{time} · stale, {age} ago</source>
            <translation>{time} · stale, {age} ago</translation>
        </message>
        <message>
            <location line="+1" />
            <source>never reported</source>
            <translation>never reported</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No report for longer than {limit}: its position on the map may be wrong</source>
            <translation>No report for longer than {limit}: its position on the map may be wrong</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="+23" />
            <source>All units</source>
            <translation>All units</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On duty</source>
            <translation>On duty</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Available</source>
            <translation>Available</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Busy on incidents</source>
            <translation>Busy on incidents</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unavailable</source>
            <translation>Unavailable</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Off duty</source>
            <translation>Off duty</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SOS</source>
            <translation>SOS</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Unit status</source>
            <translation>Unit status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search call sign, station, incident…</source>
            <translation>Search call sign, station, incident…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Follow on map</source>
            <translation>Follow on map</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Keep the map centred on the selected unit</source>
            <translation>Keep the map centred on the selected unit</translation>
        </message>
    </context>
    <context>
        <name>UnitKind</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="-38" />
            <source>Patrol group</source>
            <translation>Patrol group</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rapid-response team</source>
            <translation>Rapid-response team</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Traffic police</source>
            <translation>Traffic police</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Station car</source>
            <translation>Station car</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Officer</source>
            <translation>Officer</translation>
        </message>
    </context>
    <context>
        <name>UnitStatus</name>
        <message>
            <location line="-22" />
            <source>Off duty</source>
            <translation>Off duty</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Available</source>
            <translation>Available</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatched</source>
            <translation>Dispatched</translation>
        </message>
        <message>
            <location line="+1" />
            <source>En route</source>
            <translation>En route</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On scene</source>
            <translation>On scene</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unavailable</source>
            <translation>Unavailable</translation>
        </message>
    </context>
    <context>
        <name>VideoTile</name>
        <message>
            <source>No video in a replay</source>
            <translation>No video in a replay</translation>
        </message>
        <message>
            <source>The log keeps which cameras were near, not their pictures</source>
            <translation>The log keeps which cameras were near, not their pictures</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="+169" />
            <source>Live</source>
            <translation>Live</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No signal</source>
            <translation>No signal</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Offline since {time}</source>
            <translation>Offline since {time}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No stream configured</source>
            <translation>No stream configured</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Empty: select an incident, or a camera on the map</source>
            <translation>Empty: select an incident, or a camera on the map</translation>
        </message>
        <message>
            <location line="+66" />
            <source>{distance:.0f} m from the incident</source>
            <translation>{distance:.0f} m from the incident</translation>
        </message>
        <message>
            <location line="-41" />
            <source>Pinned</source>
            <translation>Pinned</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{distance:.0f} m</source>
            <translation>{distance:.0f} m</translation>
        </message>
        <message>
            <location line="+2" />
            <source>in view</source>
            <translation>in view</translation>
        </message>
        <message>
            <location line="-13" />
            <source>{fps:.1f} fps</source>
            <translation>{fps:.1f} fps</translation>
        </message>
    </context>
    <context>
        <name>VideoWall</name>
        <message>
            <source>A replay keeps no pictures: there is nothing to attach</source>
            <translation>A replay keeps no pictures: there is nothing to attach</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="+191" />
            <source>Video wall</source>
            <translation>Video wall</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+370" />
            <source>Pin</source>
            <translation>Pin</translation>
        </message>
        <message>
            <location line="-369" />
            <source>Keep the selected camera on the wall when the incident changes (P)</source>
            <translation>Keep the selected camera on the wall when the incident changes (P)</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+370" />
            <source>Enlarge</source>
            <translation>Enlarge</translation>
        </message>
        <message>
            <location line="-369" />
            <source>Show the selected tile alone (double-click; Esc returns)</source>
            <translation>Show the selected tile alone (double-click; Esc returns)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Snapshot</source>
            <translation>Snapshot</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Attach the selected tile's picture to the incident</source>
            <translation>Attach the selected tile's picture to the incident</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Show every tile again after one was enlarged (Esc)</source>
            <translation>Show every tile again after one was enlarged (Esc)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Take the selected camera off the wall (Del)</source>
            <translation>Take the selected camera off the wall (Del)</translation>
        </message>
        <message>
            <location line="+64" />
            <source>Unknown camera {id}</source>
            <translation>Unknown camera {id}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Every tile is pinned: unpin one to show {name}</source>
            <translation>Every tile is pinned: unpin one to show {name}</translation>
        </message>
        <message>
            <location line="+49" />
            <source>No picture on this tile yet</source>
            <translation>No picture on this tile yet</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Video snapshot: {camera_name} ({camera_id}) at {time}, sha256 {sha256}</source>
            <translation>Video snapshot: {camera_name} ({camera_id}) at {time}, sha256 {sha256}</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Select an incident first: a snapshot is attached to an incident</source>
            <translation>Select an incident first: a snapshot is attached to an incident</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Select a tile with a camera first</source>
            <translation>Select a tile with a camera first</translation>
        </message>
        <message>
            <location line="+99" />
            <source>Snapshot could not be saved: {error}</source>
            <translation>Snapshot could not be saved: {error}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Snapshot saved for incident {id}</source>
            <translation>Snapshot saved for incident {id}</translation>
        </message>
        <message>
            <location line="+140" />
            <source>Unpin</source>
            <translation>Unpin</translation>
        </message>
        <message>
            <location line="-364" />
            <location line="+366" />
            <source>Back to the grid</source>
            <translation>Back to the grid</translation>
        </message>
        <message numerus="yes">
            <location line="-373" />
            <source>Show %n tile(s)</source>
            <translation>
                <numerusform>Show %n tile</numerusform>
                <numerusform>Show %n tiles</numerusform>
            </translation>
        </message>
        <message>
            <location line="+375" />
            <source>Snapshot to incident</source>
            <translation>Snapshot to incident</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove from wall</source>
            <translation>Remove from wall</translation>
        </message>
        <message>
            <location line="+14" />
            <source>No incident selected: the wall opens with the cameras near the incident you select (or a camera clicked on the map)</source>
            <translation>No incident selected: the wall opens with the cameras near the incident you select (or a camera clicked on the map)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No incident selected</source>
            <translation>No incident selected</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Following incident {id}</source>
            <translation>Following incident {id}</translation>
        </message>
    </context>
    <context>
        <name>Workstation</name>
        <message>
            <location filename="../../dispatch_desktop/ui/workstation.py" line="-12" />
            <source>&amp;Settings</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sound for overdue timers and SOS</source>
            <translation>Sound for overdue timers and SOS</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keyboard reference</source>
            <translation>Keyboard reference</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show every key of the desk</source>
            <translation>Show every key of the desk</translation>
        </message>
        <message>
            <location line="+1" />
            <source>About Dispatch Desktop</source>
            <translation>About Dispatch Desktop</translation>
        </message>
        <message>
            <location line="+9" />
            <source>workstation {id}</source>
            <translation>workstation {id}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>operator {name}</source>
            <translation>operator {name}</translation>
        </message>
        <message>
            <location line="+20" />
            <source>SOS from {unit}</source>
            <translation>SOS from {unit}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Map unavailable: {reason}</source>
            <translation>Map unavailable: {reason}</translation>
        </message>
    </context>
</TS>
